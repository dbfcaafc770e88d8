"""Page en construction."""

import streamlit as st

st.info("Cette page arrive bientôt.")
