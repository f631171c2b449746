"""The route table: one small answerer per row, tried in order for the routes it serves. Each may decline
a question that does not fit (it returns None) and the next is tried; `search` never declines. Every list
of routes (the router's labels, `fwbot eval`, the adapters) derives from this table."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.answer import Answer
from bot.routes import (across, attribute, breakage, compare, corrections, define, event, facts_table, followup, multipart, overview, parts, recommend, refuse, relation,
                        search, select, variant)
from bot.routes.draft import Ask

__all__ = ["Answerer", "Ask", "ROUTES", "TABLE", "answer"]


@dataclass(frozen=True)
class Answerer:
    """One row: a name (for `:why`), the routes it is tried for, and the function that answers or declines."""

    name: str
    serves: frozenset[str]
    run: Callable[[Ask], Answer | None]


def _multipart(ask: Ask) -> Answer | None:
    return multipart.answer(ask, ask.part) if ask.part else None


_IN_SCOPE = frozenset({"compare", "attribute", "define", "recommend", "search"})
_S = frozenset

TABLE: tuple[Answerer, ...] = (
    Answerer("uncovered", _IN_SCOPE | {"out_of_scope", "help"}, refuse.uncovered),
    Answerer("corrections", _IN_SCOPE | {"help"}, corrections.answer),
    Answerer("when", _IN_SCOPE | {"help"}, followup.when),
    Answerer("now_again", _IN_SCOPE | {"help"}, followup.now_again),
    Answerer("article_view", _IN_SCOPE | {"help"}, followup.article_view),
    Answerer("help", _S({"help"}), refuse.help),
    Answerer("out_of_scope", _S({"out_of_scope"}), refuse.out_of_scope),
    Answerer("recheck", _IN_SCOPE, followup.recheck),
    Answerer("reasons", _IN_SCOPE, followup.reasons),
    Answerer("upcoming", _IN_SCOPE, event.upcoming),
    Answerer("event", _IN_SCOPE, event.answer),
    Answerer("parts_apart", _IN_SCOPE, parts.parts_apart),
    Answerer("facts_table", _IN_SCOPE | {"out_of_scope"}, facts_table.answer),
    Answerer("paired_versions", _IN_SCOPE, variant.paired),
    Answerer("relation_by_name", _IN_SCOPE, relation.by_name),
    Answerer("multipart", _IN_SCOPE, _multipart),
    Answerer("flavour", _IN_SCOPE, relation.flavour),
    Answerer("migration", _IN_SCOPE, relation.migration),
    Answerer("breakage", _IN_SCOPE, breakage.answer),
    Answerer("relation", _IN_SCOPE, relation.answer),
    Answerer("variant", _IN_SCOPE, variant.answer),
    Answerer("maintained", _S({"compare", "recommend", "define"}), recommend.maintained_only),
    Answerer("choice_between", _S({"compare", "recommend"}), recommend.choice_between),
    Answerer("order", _S({"compare", "attribute", "search"}), select.order_yesno),
    Answerer("leader_now", _S({"compare", "attribute", "recommend"}), compare.leader_now),
    Answerer("select", _S({"compare", "recommend", "attribute", "search"}), select.answer),
    Answerer("across", _S({"attribute", "search", "define"}), across.answer),
    Answerer("overview", _S({"compare", "define", "search", "recommend"}), overview.answer),
    Answerer("compare", _S({"compare"}), compare.answer),
    Answerer("recommend_one", _S({"recommend"}), recommend.recommend_one),
    Answerer("situation", _S({"recommend"}), recommend.situation),
    Answerer("open_choice", _S({"recommend", "compare"}), recommend.open_choice),
    Answerer("attribute", _S({"attribute"}), attribute.answer),
    Answerer("define", _S({"define", "attribute"}), define.framework),
    Answerer("concept", _S({"define"}), define.concept),
    Answerer("search", _IN_SCOPE, search.answer),
)

#: The routes an Answer can carry, as the eval format and users' code know them.
ROUTES: tuple[str, ...] = tuple(dict.fromkeys(route for row in TABLE for route in sorted(row.serves)))


def answer(ask: Ask) -> Answer:
    """The first answer the table's rows give for the routed question."""
    if ask.route not in ROUTES:
        raise LookupError(f"no answerer serves the route {ask.route!r}; routes: {', '.join(ROUTES)}")
    for row in TABLE:
        if ask.route in row.serves:
            found = row.run(ask)
            if found is not None:
                return found
    raise LookupError(f"every answerer declined the route {ask.route!r}")
