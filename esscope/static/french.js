// esscope speaks French to every reader and screen reader. Streamlit has no setting for the document's
// language nor for the few words its own widgets write (« Select all », « dd », « Fullscreen »…): this
// script, sent once by app.py, declares the page French and puts those words in French as they appear.
(() => {
  if (window.esscopeFrench) return;
  window.esscopeFrench = true;
  document.documentElement.lang = "fr";

  const TEXTS = new Map([
    ["Select all", "Tout sélectionner"], ["Press Enter to apply", "Appuyez sur Entrée pour valider"],
    ["No results", "Aucun résultat"], ["No options to select", "Aucune option"], ["dd", "jj"],
    ["yyyy", "aaaa"], ["Choose an option", "Choisissez une option"], ["Running...", "Calcul en cours…"],
    ["Clear all", "Tout effacer"], ["Show/hide columns", "Afficher ou masquer des colonnes"],
    ["Upload", "Choisir un fichier"], ["Browse files", "Choisir un fichier"],
    ["Drag and drop a file here", "Glissez un fichier ici"], ["Drag and drop file here", "Glissez un fichier ici"],
    ["Drag and drop files here", "Glissez des fichiers ici"], ["File size is too small.", "Le fichier est trop petit."],
    ["Only one file is allowed.", "Un seul fichier à la fois."], ["add icon", "Ajouter"],
    ["upload icon", "Choisir un fichier"],
  ]);
  // Sizes the way French writes them: « 200 Mo », « 3,1 Ko », « 40 o ».
  const UNITS = {B: "o", KB: "Ko", MB: "Mo", GB: "Go"};
  const SIZE = "(\\d+(?:\\.\\d+)?) ?(B|KB|MB|GB)";
  function size(number, unit) {
    const value = unit === "B" ? String(Math.round(Number(number))) : number.replace(/\.0$/, "").replace(".", ",");
    return `${value}\u00a0${UNITS[unit]}`;
  }
  const PATTERNS = [
    [/^Select (\d+) matches$/, "Sélectionner les $1 résultats"],
    [/^Help for (.+)$/, "Aide : $1"],
    [/^day, (.+)$/, "jour, $1"], [/^month, (.+)$/, "mois, $1"], [/^year, (.+)$/, "année, $1"],
    // the file uploader: its limit, a chosen file's size and name, its refusals
    [new RegExp(`^${SIZE}$`), (_, n, u) => size(n, u)],
    [new RegExp(`^${SIZE} per file$`), (_, n, u) => `${size(n, u)} par fichier`],
    [new RegExp(`^(.+), ${SIZE}$`), (_, name, n, u) => `${name}, ${size(n, u)}`],
    [new RegExp(`^File must be ${SIZE} or smaller\\.$`), (_, n, u) => `Le fichier doit peser ${size(n, u)} au plus.`],
    [/^(.+) files are not allowed\.$/, "Les fichiers de type $1 ne sont pas acceptés."],
    [/^Remove (.+)$/, "Retirer $1"],
  ];
  const LABELS = new Map([
    ["Choose date", "Choisir une date"], ["Collapse sidebar", "Replier le menu"],
    ["Expand sidebar", "Déplier le menu"], ["Dismiss", "Fermer"], ["Close", "Fermer"],
    ["Download as CSV", "Télécharger en CSV"], ["Fullscreen", "Plein écran"],
    ["Close fullscreen", "Quitter le plein écran"], ["Link to heading", "Lien vers ce titre"],
    ["Main menu", "Menu principal"], ["Open", "Ouvrir"], ["Search", "Rechercher"],
    ["Sidebar", "Menu latéral"], ["App pages", "Pages de l'application"], ["history icon", "Ancien"],
    ["warning icon", "Attention"], ["Previous month", "Mois précédent"], ["Next month", "Mois suivant"],
    ["Clear value", "Effacer"], ["Clear all", "Tout effacer"], ["Choose an option", "Choisissez une option"],
    ["Show/hide columns", "Afficher ou masquer des colonnes"], ["Add row", "Ajouter une ligne"],
    ["Delete row", "Supprimer la ligne"], ["Delete rows", "Supprimer les lignes"], ["Stop", "Arrêter"],
    ["Running...", "Calcul en cours…"], ["Copy to clipboard", "Copier"], ["Show password", "Afficher le mot de passe"],
    ["Hide password", "Masquer le mot de passe"], ["Clear search", "Effacer la recherche"],
    ["file upload", "Choisir un fichier à importer"], ["Add files", "Ajouter des fichiers"],
    ["Upload", "Choisir un fichier"],
  ]);
  const ATTRIBUTES = ["aria-label", "title", "placeholder", "data-title", "aria-placeholder"];

  function french(text, table) {
    const trimmed = text.trim();
    if (table.has(trimmed)) return text.replace(trimmed, table.get(trimmed));
    for (const [pattern, words] of PATTERNS) {
      if (pattern.test(trimmed)) return text.replace(trimmed, trimmed.replace(pattern, words));
    }
    return null;
  }

  function translateAttributes(el) {
    for (const name of ATTRIBUTES) {
      const value = el.getAttribute(name);
      const done = value && french(value, LABELS);
      if (done) el.setAttribute(name, done);
    }
  }

  function translate(root) {
    if (root.nodeType === Node.TEXT_NODE) {
      const done = french(root.textContent, TEXTS);
      if (done !== null) root.textContent = done;
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    for (const el of [root, ...root.querySelectorAll("*")]) translateAttributes(el);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const done = french(node.textContent, TEXTS);
      if (done !== null) node.textContent = done;
    }
  }

  translate(document.body);
  new MutationObserver(changes => {
    for (const change of changes) {
      if (change.type === "childList") change.addedNodes.forEach(translate);
      else if (change.type === "characterData") translate(change.target);
      else translateAttributes(change.target);
    }
  }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true,
                             attributeFilter: ATTRIBUTES});
})();
