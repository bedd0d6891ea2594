"""No module imports, through any chain, a module that imports it (annotations' imports included)."""

import grimp

# Left for after the members' commands land (they change member_replies.py): replies.py renders
# /balance with MemberReplies and undated's note, and those take a Replies.
KNOWN = {
    frozenset({"infrastructure.telegram.replies", "infrastructure.telegram.member_replies"}),
    frozenset({"infrastructure.telegram.replies", "infrastructure.telegram.undated"}),
}


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
    assert circles(graph, "infrastructure") - KNOWN == set()
