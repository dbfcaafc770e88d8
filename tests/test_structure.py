"""The shape of the code: modules import one another without a cycle, and at their top."""

import ast
from pathlib import Path

import esscope

PACKAGE = Path(esscope.__file__).resolve().parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict:
    """esscope's modules: dotted name → parsed source."""
    return {module_name(p): ast.parse(p.read_text(encoding="utf-8")) for p in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, tree: ast.Module, known: set) -> list:
    """(esscope module imported, line, at the top of the module or not) for every import in `tree`,
    wherever it is: an import inside a function can close a cycle too."""
    package = name if (PACKAGE.parent / name.replace(".", "/") / "__init__.py").exists() else name.rpartition(".")[0]
    top = {id(node) for node in tree.body}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        else:
            continue
        out += [(t, node.lineno, id(node) in top) for t in targets if t in known and t != name]
    return out


def find_cycle(graph: dict) -> list:
    """One cycle of the graph as a list of modules (first = last), or [] when there is none."""
    state, stack = {}, []

    def visit(node):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        state[node] = "done"
        stack.pop()
        return []

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def test_find_cycle_finds_a_cycle_and_only_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_no_module_imports_one_that_imports_it_back():
    trees = modules()
    known = set(trees)
    graph = {name: {target for target, _, _ in imported(name, tree, known)
                    # a package importing its own modules, as `esscope.parse` re-exporting its readers, is no cycle
                    if not target.startswith(name + ".")}
             for name, tree in trees.items()}
    assert find_cycle(graph) == []


def said_why(lines: list, index: int) -> bool:
    """Whether the import on line `index` (0-based) carries a comment, on its line or just above the
    group of imports it belongs to."""
    if "#" in lines[index]:
        return True
    while index > 0 and lines[index - 1].strip().startswith(("import ", "from ")):
        index -= 1
    return index > 0 and lines[index - 1].strip().startswith("#")


def test_imports_are_at_the_top_of_modules_except_heavy_ones_said_so():
    hidden = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = ast.parse("\n".join(lines))
        top = {id(node) for node in tree.body}
        for node in ast.walk(tree):
            hidden_import = isinstance(node, (ast.Import, ast.ImportFrom)) and id(node) not in top
            if hidden_import and not said_why(lines, node.lineno - 1):
                hidden.append(f"{name}:{node.lineno}")
    assert hidden == []
