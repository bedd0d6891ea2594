"""No module imports, through any chain, a module that imports it (annotations' imports included)."""

import grimp


def circles(graph, package):
    found = set()
    for module in graph.modules:
        if not module.startswith(package + "."):
            continue
        for imported in graph.find_modules_directly_imported_by(module):
            if imported.startswith(package) and graph.chain_exists(importer=imported, imported=module):
                found.add(frozenset({module, imported}))
    return found


def test_the_core_and_the_adapters_have_no_import_circle():
    graph = grimp.build_graph("balance_bot", "infrastructure")
    assert circles(graph, "balance_bot") == set()
    assert circles(graph, "infrastructure") == set()
