"""esscope: analytics of France's social and solidarity economy (ESS) and its Mois de l'ESS."""

__version__ = "0.1.0"
