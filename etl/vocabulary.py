"""Canonical keys shared by the parsers, the fact tables and the views (docs/domain.md#canonical-keys).

This module holds only the English keys. The Chinese labels that map to them live with the
parser that reads them (one data table per concept). The schema seeds lookup tables from
these tuples, so a key a parser emits that is not listed here fails loudly at load time.
"""

from __future__ import annotations

APPLICANTS: tuple[str, ...] = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "public_interest_org",
    "legal_service_org",
    "other_org",
    "total",
)

#: Table 3 data rows; 2019 has `other`, 2021 has the three `other.*` rows instead.
REQUEST_TEMPLATE_ITEMS: tuple[str, ...] = (
    "new_received",
    "carried_over",
    "granted",
    "partially_granted",
    "denied.state_secret",
    "denied.prohibited_by_law",
    "denied.security_stability",
    "denied.third_party_rights",
    "denied.internal_affairs",
    "denied.process_information",
    "denied.enforcement_file",
    "denied.administrative_query",
    "unable.not_held",
    "unable.needs_creation",
    "unable.still_unclear",
    "not_processed.petition_complaint",
    "not_processed.repeat",
    "not_processed.publication",
    "not_processed.mass_repetitive",
    "not_processed.confirm_or_reissue",
    "other",
    "other.overdue_correction",
    "other.overdue_fee",
    "other.other",
    "total_processed",
    "carried_forward",
)

REQUEST_ITEMS_2019: tuple[str, ...] = tuple(
    i for i in REQUEST_TEMPLATE_ITEMS if not i.startswith("other.")
)
REQUEST_ITEMS_2021: tuple[str, ...] = tuple(i for i in REQUEST_TEMPLATE_ITEMS if i != "other")

#: Group totals stated in prose or old tables, pre-2019 outcomes, and how requests arrived.
REQUEST_EXTRA_ITEMS: tuple[str, ...] = (
    "denied",
    "unable",
    "not_processed",
    "answered",
    "legacy.not_exist",
    "legacy.not_this_agency",
    "legacy.unclear",
    "legacy.not_government_info",
    "legacy.already_public",
    "legacy.other_channel",
    "legacy.exempt",
    "received_by.in_person",
    "received_by.fax",
    "received_by.online",
    "received_by.email",
    "received_by.letter",
    "received_by.other",
)

REQUEST_ITEMS: tuple[str, ...] = REQUEST_TEMPLATE_ITEMS + REQUEST_EXTRA_ITEMS

PROCEEDINGS: tuple[str, ...] = (
    "review",
    "litigation_direct",
    "litigation_after_review",
    "litigation",
    "complaint",
)
OUTCOMES: tuple[str, ...] = ("upheld", "corrected", "other", "pending", "total")

#: Table 2 keys (docs/domain.md#table2-keys); 2019 and 2021 keep distinct keys on purpose.
DISCLOSURE_TEMPLATE_2021: tuple[str, ...] = (
    "art20_1.regulations.issued",
    "art20_1.regulations.repealed",
    "art20_1.regulations.in_force",
    "art20_1.normative_docs.issued",
    "art20_1.normative_docs.repealed",
    "art20_1.normative_docs.in_force",
    "art20_5.licensing.decisions",
    "art20_6.penalty.decisions",
    "art20_6.coercion.decisions",
    "art20_8.admin_fees.amount_wan_yuan",
)
DISCLOSURE_TEMPLATE_2019: tuple[str, ...] = (
    "art20_1.regulations.made",
    "art20_1.regulations.published",
    "art20_1.regulations.public_total",
    "art20_1.normative_docs.made",
    "art20_1.normative_docs.published",
    "art20_1.normative_docs.public_total",
    "art20_5.licensing.prev_items",
    "art20_5.licensing.change",
    "art20_5.licensing.decisions",
    "art20_5.other_services.prev_items",
    "art20_5.other_services.change",
    "art20_5.other_services.decisions",
    "art20_6.penalty.prev_items",
    "art20_6.penalty.change",
    "art20_6.penalty.decisions",
    "art20_6.coercion.prev_items",
    "art20_6.coercion.change",
    "art20_6.coercion.decisions",
    "art20_8.admin_fees.prev_items",
    "art20_8.admin_fees.change",
    "art20_9.central_procurement.projects",
    "art20_9.central_procurement.amount",
)

CHANNELS: tuple[str, ...] = (
    "government_portal",
    "agency_website",
    "gazette",
    "press_conference",
    "weibo",
    "wechat",
    "new_media",
    "media",
    "reading_room",
    "other",
)
CATEGORIES: tuple[str, ...] = (
    "institutional",
    "policy",
    "planning",
    "business",
    "normative_documents",
    "personnel",
    "finance",
    "news",
    "livelihood",
    "key_areas",
    "other",
)

DISCLOSURE_PROSE_ITEMS: tuple[str, ...] = (
    "proactive.total",
    "proactive.cumulative",
    "proactive.deduplicated",
    *(f"proactive.channel.{c}" for c in CHANNELS),
    *(f"proactive.category.{c}" for c in CATEGORIES),
    "proactive.other",
    "normative_docs.issued",
    "responses.public_concerns",
    "responses.press_conferences",
    "responses.interviews",
    "responses.interpretations",
    "consultations",
    "fees.charged_yuan",
    "fees.waived_yuan",
)

#: Table 2 rows a template variant adds that have no key of their own (kept with their label).
DISCLOSURE_EXTRA_ITEMS: tuple[str, ...] = ("art20.other",)

#: 2019 and 2021 share the `*.decisions` keys of items (5) and (6): 处理决定数量 and
#: 本年处理决定数量 mean the same count; every other Table 2 column keeps its own key.
DISCLOSURE_ITEMS: tuple[str, ...] = tuple(
    dict.fromkeys(DISCLOSURE_TEMPLATE_2021 + DISCLOSURE_TEMPLATE_2019 + DISCLOSURE_PROSE_ITEMS + DISCLOSURE_EXTRA_ITEMS)
)

SECTION_KINDS: tuple[str, ...] = (
    "preamble",
    "overview",
    "proactive",
    "requests",
    "fees",
    "appeals",
    "problems_and_improvements",
    "other",
)

FORMATS: tuple[str, ...] = ("2019-template", "2021-template", "prose", "prose+table")
LEVELS: tuple[str, ...] = ("central", "province", "city", "county", "township")
SCOPES: tuple[str, ...] = ("region", "agency")
