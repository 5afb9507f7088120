"""initial schema: ingest and warehouse layers, controlled vocabularies, year dimension

The vocabulary rows below are frozen copies of etl/vocabulary.py at this revision; a later
revision adds keys with INSERTs, never by editing this file.

Revision ID: 0001
Revises:
Create Date: 2026-11-22 03:34:18.827357
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Frozen at this revision: (key, description, Chinese label).
LOOKUPS = {'applicant': [('natural_person', 'Natural person', '自然人'),
               ('commercial_enterprise', 'Commercial enterprise', '商业企业'),
               ('research_institution', 'Research institution', '科研机构'),
               ('public_interest_org', 'Public-interest organisation', '社会公益组织'),
               ('legal_service_org', 'Legal-service organisation', '法律服务机构'),
               ('other_org', 'Other legal person or organisation', '其他'),
               ('total', 'Total', '总计')],
 'request_item': [('new_received', 'Requests newly received this year', '一、本年新收政府信息公开申请数量'),
                  ('carried_over', 'Requests carried over from last year', '二、上年结转政府信息公开申请数量'),
                  ('granted', 'Granted in full', '（一）予以公开'),
                  ('partially_granted', 'Partially granted', '（二）部分公开'),
                  ('denied.state_secret', 'Denied: state secret', '1.属于国家秘密'),
                  ('denied.prohibited_by_law', 'Denied: prohibited by other laws and regulations', '2.其他法律行政法规禁止公开'),
                  ('denied.security_stability', 'Denied: endangers security and stability', '3.危及“三安全一稳定”'),
                  ('denied.third_party_rights', 'Denied: protects third-party rights', '4.保护第三方合法权益'),
                  ('denied.internal_affairs', 'Denied: internal affairs information', '5.属于三类内部事务信息'),
                  ('denied.process_information', 'Denied: process information', '6.属于四类过程性信息'),
                  ('denied.enforcement_file', 'Denied: administrative enforcement file', '7.属于行政执法案卷'),
                  ('denied.administrative_query', 'Denied: administrative query matter', '8.属于行政查询事项'),
                  ('unable.not_held', 'Unable: agency does not hold the information', '1.本机关不掌握相关政府信息'),
                  ('unable.needs_creation', 'Unable: would need to be newly created', '2.没有现成信息需要另行制作'),
                  ('unable.still_unclear', 'Unable: still unclear after correction', '3.补正后申请内容仍不明确'),
                  ('not_processed.petition_complaint', 'Not processed: petition or complaint', '1.信访举报投诉类申请'),
                  ('not_processed.repeat', 'Not processed: repeat request', '2.重复申请'),
                  ('not_processed.publication', 'Not processed: asks for a publication', '3.要求提供公开出版物'),
                  ('not_processed.mass_repetitive', 'Not processed: mass repetitive requests', '4.无正当理由大量反复申请'),
                  ('not_processed.confirm_or_reissue',
                   'Not processed: confirm or reissue obtained information',
                   '5.要求行政机关确认或重新出具已获取信息'),
                  ('other', 'Other handling (2019 template, single row)', '（六）其他处理'),
                  ('other.overdue_correction',
                   'Other: applicant did not correct in time',
                   '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
                  ('other.overdue_fee',
                   'Other: applicant did not pay the fee in time',
                   '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
                  ('other.other', 'Other: other', '3.其他'),
                  ('total_processed', 'Total processed this year', '（七）总计'),
                  ('carried_forward', 'Carried forward to next year', '四、结转下年度继续办理'),
                  ('denied', 'Denied (group total, prose or old tables)', '不予公开'),
                  ('unable', 'Unable to provide (group total)', '无法提供'),
                  ('not_processed', 'Not processed (group total)', '不予处理'),
                  ('answered', 'Requests answered / concluded', '答复总数'),
                  ('legacy.not_exist', 'Pre-2019: information does not exist', '信息不存在'),
                  ('legacy.not_this_agency', 'Pre-2019: not held by this agency', '非本机关政府信息'),
                  ('legacy.unclear', 'Pre-2019: request unclear', '申请内容不明确'),
                  ('legacy.not_government_info', 'Pre-2019: not government information', '非《条例》所指政府信息'),
                  ('legacy.already_public', 'Pre-2019: already proactively public', '属于已主动公开范围'),
                  ('legacy.other_channel', 'Pre-2019: told to use another channel', '告知通过其他途径办理'),
                  ('legacy.exempt', 'Pre-2019: refused / exempt without a template reason', '不同意公开'),
                  ('received_by.in_person', 'Received in person', '当面申请'),
                  ('received_by.fax', 'Received by fax', '传真申请'),
                  ('received_by.online', 'Received online', '网上申请'),
                  ('received_by.email', 'Received by e-mail', '电子邮件申请'),
                  ('received_by.letter', 'Received by letter', '信函申请'),
                  ('received_by.other', 'Received by other means', '其他形式申请')],
 'proceeding': [('review', 'Administrative review', '行政复议'),
                ('litigation_direct', 'Lawsuit without prior review', '未经复议直接起诉'),
                ('litigation_after_review', 'Lawsuit after review', '复议后起诉'),
                ('litigation', 'Lawsuit, route not stated', '行政诉讼'),
                ('complaint', 'Complaint or appeal to a supervisor (申诉, 举报投诉)', '申诉/举报投诉')],
 'outcome': [('upheld', 'Upheld', '结果维持'),
             ('corrected', 'Corrected', '结果纠正'),
             ('other', 'Other result', '其他结果'),
             ('pending', 'Not yet concluded', '尚未审结'),
             ('total', 'Total', '总计')],
 'disclosure_item': [('art20_1.regulations.issued',
                      'Art. 20(1) regulations and normative documents: regulations issued',
                      None),
                     ('art20_1.regulations.repealed',
                      'Art. 20(1) regulations and normative documents: regulations repealed',
                      None),
                     ('art20_1.regulations.in_force',
                      'Art. 20(1) regulations and normative documents: regulations in force',
                      None),
                     ('art20_1.normative_docs.issued',
                      'Art. 20(1) regulations and normative documents: normative docs issued',
                      None),
                     ('art20_1.normative_docs.repealed',
                      'Art. 20(1) regulations and normative documents: normative docs repealed',
                      None),
                     ('art20_1.normative_docs.in_force',
                      'Art. 20(1) regulations and normative documents: normative docs in force',
                      None),
                     ('art20_5.licensing.decisions', 'Art. 20(5) licensing and services: licensing decisions', None),
                     ('art20_6.penalty.decisions', 'Art. 20(6) penalties and coercion: penalty decisions', None),
                     ('art20_6.coercion.decisions', 'Art. 20(6) penalties and coercion: coercion decisions', None),
                     ('art20_8.admin_fees.amount_wan_yuan',
                      'Art. 20(8) administrative fees: admin fees amount wan yuan',
                      None),
                     ('art20_1.regulations.made',
                      'Art. 20(1) regulations and normative documents: regulations made',
                      None),
                     ('art20_1.regulations.published',
                      'Art. 20(1) regulations and normative documents: regulations published',
                      None),
                     ('art20_1.regulations.public_total',
                      'Art. 20(1) regulations and normative documents: regulations public total',
                      None),
                     ('art20_1.normative_docs.made',
                      'Art. 20(1) regulations and normative documents: normative docs made',
                      None),
                     ('art20_1.normative_docs.published',
                      'Art. 20(1) regulations and normative documents: normative docs published',
                      None),
                     ('art20_1.normative_docs.public_total',
                      'Art. 20(1) regulations and normative documents: normative docs public total',
                      None),
                     ('art20_5.licensing.prev_items',
                      'Art. 20(5) licensing and services: licensing prev items',
                      None),
                     ('art20_5.licensing.change', 'Art. 20(5) licensing and services: licensing change', None),
                     ('art20_5.other_services.prev_items',
                      'Art. 20(5) licensing and services: other services prev items',
                      None),
                     ('art20_5.other_services.change',
                      'Art. 20(5) licensing and services: other services change',
                      None),
                     ('art20_5.other_services.decisions',
                      'Art. 20(5) licensing and services: other services decisions',
                      None),
                     ('art20_6.penalty.prev_items', 'Art. 20(6) penalties and coercion: penalty prev items', None),
                     ('art20_6.penalty.change', 'Art. 20(6) penalties and coercion: penalty change', None),
                     ('art20_6.coercion.prev_items', 'Art. 20(6) penalties and coercion: coercion prev items', None),
                     ('art20_6.coercion.change', 'Art. 20(6) penalties and coercion: coercion change', None),
                     ('art20_8.admin_fees.prev_items', 'Art. 20(8) administrative fees: admin fees prev items', None),
                     ('art20_8.admin_fees.change', 'Art. 20(8) administrative fees: admin fees change', None),
                     ('art20_9.central_procurement.projects',
                      'Art. 20(9) central procurement: central procurement projects',
                      None),
                     ('art20_9.central_procurement.amount',
                      'Art. 20(9) central procurement: central procurement amount',
                      None),
                     ('proactive.total', 'proactive: total', None),
                     ('proactive.cumulative', 'proactive: cumulative', None),
                     ('proactive.deduplicated', 'proactive: deduplicated', None),
                     ('proactive.channel.government_portal', 'proactive: channel: government portal', None),
                     ('proactive.channel.agency_website', 'proactive: channel: agency website', None),
                     ('proactive.channel.gazette', 'proactive: channel: gazette', None),
                     ('proactive.channel.press_conference', 'proactive: channel: press conference', None),
                     ('proactive.channel.weibo', 'proactive: channel: weibo', None),
                     ('proactive.channel.wechat', 'proactive: channel: wechat', None),
                     ('proactive.channel.new_media', 'proactive: channel: new media', None),
                     ('proactive.channel.media', 'proactive: channel: media', None),
                     ('proactive.channel.reading_room', 'proactive: channel: reading room', None),
                     ('proactive.channel.other', 'proactive: channel: other', None),
                     ('proactive.category.institutional', 'proactive: category: institutional', None),
                     ('proactive.category.policy', 'proactive: category: policy', None),
                     ('proactive.category.planning', 'proactive: category: planning', None),
                     ('proactive.category.business', 'proactive: category: business', None),
                     ('proactive.category.normative_documents', 'proactive: category: normative documents', None),
                     ('proactive.category.personnel', 'proactive: category: personnel', None),
                     ('proactive.category.finance', 'proactive: category: finance', None),
                     ('proactive.category.news', 'proactive: category: news', None),
                     ('proactive.category.livelihood', 'proactive: category: livelihood', None),
                     ('proactive.category.key_areas', 'proactive: category: key areas', None),
                     ('proactive.category.other', 'proactive: category: other', None),
                     ('proactive.other', 'proactive: other', None),
                     ('normative_docs.issued', 'normative docs: issued', None),
                     ('responses.public_concerns', 'responses: public concerns', None),
                     ('responses.press_conferences', 'responses: press conferences', None),
                     ('responses.interviews', 'responses: interviews', None),
                     ('responses.interpretations', 'responses: interpretations', None),
                     ('consultations', 'consultations', None),
                     ('fees.charged_yuan', 'fees: charged yuan', None),
                     ('fees.waived_yuan', 'fees: waived yuan', None),
                     ('art20.other', 'art20: other', None)],
 'section_kind': [('preamble', 'Preamble', None),
                  ('overview', 'Overview', None),
                  ('proactive', 'Proactive', None),
                  ('requests', 'Requests', None),
                  ('fees', 'Fees', None),
                  ('appeals', 'Appeals', None),
                  ('problems_and_improvements', 'Problems and improvements', None),
                  ('other', 'Other', None)],
 'report_format': [('2019-template', '2019 State Council template (国办公开办函〔2019〕60号)', None),
                   ('2021-template', '2021 State Council template (国办公开办函〔2021〕30号)', None),
                   ('prose', 'Free prose (pre-2019 style), no template tables', None),
                   ('prose+table', 'Prose with an appended statistics table', None)],
 'level': [('central', 'Central government body', '国务院部门'),
           ('province', 'Province level', '省级'),
           ('city', 'Prefecture/city level', '市级'),
           ('county', 'County level', '县级'),
           ('township', 'Township level', '乡镇级')]}

def expected_format(year: int) -> str:
    return "prose" if year <= 2018 else "2019-template" if year <= 2020 else "2021-template"


def upgrade() -> None:
    for schema in ("ingest", "warehouse", "analytics"):
        op.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    op.create_table('etl_run',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False, comment='Run identifier.'),
    sa.Column('started_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False, comment='When the run started.'),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True, comment='When the run ended; NULL while running or if killed.'),
    sa.Column('status', sa.Text(), server_default='running', nullable=False, comment='running, succeeded, failed (the run itself broke) or interrupted.'),
    sa.Column('command', sa.Text(), nullable=False, comment='The command line that started the run.'),
    sa.Column('parser_version', sa.Text(), nullable=False, comment='Parser version used by the run.'),
    sa.Column('files_seen', sa.Integer(), server_default='0', nullable=False, comment='Input files found.'),
    sa.Column('files_new', sa.Integer(), server_default='0', nullable=False, comment='Files whose content had not been loaded before (or needed re-parsing).'),
    sa.Column('files_unchanged', sa.Integer(), server_default='0', nullable=False, comment='Files skipped because their content was already loaded by this parser version.'),
    sa.Column('files_failed', sa.Integer(), server_default='0', nullable=False, comment='Files recorded with an error-level issue (undecodable, unsupported, parser failure).'),
    sa.Column('reports_loaded', sa.Integer(), server_default='0', nullable=False, comment='Reports written.'),
    sa.Column('facts_loaded', sa.Integer(), server_default='0', nullable=False, comment='Fact rows written.'),
    sa.Column('message', sa.Text(), nullable=True, comment='Why the run failed, when it did.'),
    sa.CheckConstraint("status IN ('running', 'succeeded', 'failed', 'interrupted')", name=op.f('ck_etl_run_status')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_etl_run')),
    schema='ingest',
    comment='One row per `etl run` invocation: what it saw and did.'
    )
    op.create_table('applicant',
    sa.Column('key', sa.Text(), nullable=False, comment='Canonical key of the applicant column of Table 3.'),
    sa.Column('description', sa.Text(), nullable=False, comment='What the applicant column of Table 3 means, in English.'),
    sa.Column('label_zh', sa.Text(), nullable=True, comment='The Chinese label in the template or usual prose, if any.'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_applicant')),
    schema='warehouse',
    comment='Controlled vocabulary: one row per applicant column of Table 3 (report-format.md §13).'
    )
    op.create_table('disclosure_item',
    sa.Column('key', sa.Text(), nullable=False, comment='Canonical key of the proactive-disclosure item (Table 2 cell or prose measure).'),
    sa.Column('description', sa.Text(), nullable=False, comment='What the proactive-disclosure item (Table 2 cell or prose measure) means, in English.'),
    sa.Column('label_zh', sa.Text(), nullable=True, comment='The Chinese label in the template or usual prose, if any.'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_disclosure_item')),
    schema='warehouse',
    comment='Controlled vocabulary: one row per proactive-disclosure item (Table 2 cell or prose measure) (report-format.md §13).'
    )
    op.create_table('level',
    sa.Column('key', sa.Text(), nullable=False, comment='Canonical key of the administrative level.'),
    sa.Column('description', sa.Text(), nullable=False, comment='What the administrative level means, in English.'),
    sa.Column('label_zh', sa.Text(), nullable=True, comment='The Chinese label in the template or usual prose, if any.'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_level')),
    schema='warehouse',
    comment='Controlled vocabulary: one row per administrative level (report-format.md §13).'
    )
    op.create_table('outcome',
    sa.Column('key', sa.Text(), nullable=False, comment='Canonical key of the appeal outcome.'),
    sa.Column('description', sa.Text(), nullable=False, comment='What the appeal outcome means, in English.'),
    sa.Column('label_zh', sa.Text(), nullable=True, comment='The Chinese label in the template or usual prose, if any.'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_outcome')),
    schema='warehouse',
    comment='Controlled vocabulary: one row per appeal outcome (report-format.md §13).'
    )
    op.create_table('proceeding',
    sa.Column('key', sa.Text(), nullable=False, comment='Canonical key of the appeal proceeding.'),
    sa.Column('description', sa.Text(), nullable=False, comment='What the appeal proceeding means, in English.'),
    sa.Column('label_zh', sa.Text(), nullable=True, comment='The Chinese label in the template or usual prose, if any.'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_proceeding')),
    schema='warehouse',
    comment='Controlled vocabulary: one row per appeal proceeding (report-format.md §13).'
    )
    op.create_table('report_format',
    sa.Column('key', sa.Text(), nullable=False, comment='Canonical key of the report format.'),
    sa.Column('description', sa.Text(), nullable=False, comment='What the report format means, in English.'),
    sa.Column('label_zh', sa.Text(), nullable=True, comment='The Chinese label in the template or usual prose, if any.'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_report_format')),
    schema='warehouse',
    comment='Controlled vocabulary: one row per report format (report-format.md §13).'
    )
    op.create_table('request_item',
    sa.Column('key', sa.Text(), nullable=False, comment='Canonical key of the request row (Table 3 row or prose/legacy measure).'),
    sa.Column('description', sa.Text(), nullable=False, comment='What the request row (Table 3 row or prose/legacy measure) means, in English.'),
    sa.Column('label_zh', sa.Text(), nullable=True, comment='The Chinese label in the template or usual prose, if any.'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_request_item')),
    schema='warehouse',
    comment='Controlled vocabulary: one row per request row (Table 3 row or prose/legacy measure) (report-format.md §13).'
    )
    op.create_table('section_kind',
    sa.Column('key', sa.Text(), nullable=False, comment='Canonical key of the section kind.'),
    sa.Column('description', sa.Text(), nullable=False, comment='What the section kind means, in English.'),
    sa.Column('label_zh', sa.Text(), nullable=True, comment='The Chinese label in the template or usual prose, if any.'),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_section_kind')),
    schema='warehouse',
    comment='Controlled vocabulary: one row per section kind (report-format.md §13).'
    )
    op.create_table('year',
    sa.Column('year', sa.SmallInteger(), autoincrement=False, nullable=False, comment='The data year a report covers.'),
    sa.Column('expected_format', sa.Text(), nullable=False, comment='The format normally used for that year: prose (≤2018), 2019-template (2019-2020), 2021-template.'),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_year')),
    schema='warehouse',
    comment='One row per report year: the time dimension.'
    )
    op.create_table('source_document',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False, comment='Document identifier.'),
    sa.Column('sha256', sa.CHAR(length=64), nullable=False, comment="SHA-256 of the file's bytes: the document's identity."),
    sa.Column('path', sa.Text(), nullable=False, comment='Path the content was last seen at.'),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False, comment='File size in bytes.'),
    sa.Column('media_type', sa.Text(), nullable=False, comment='Media type detected from the content.'),
    sa.Column('encoding', sa.Text(), nullable=True, comment='Text encoding detected; NULL when not decoded.'),
    sa.Column('status', sa.Text(), nullable=False, comment='loaded (reports written), no_report (decoded but no report found) or failed.'),
    sa.Column('parser_version', sa.Text(), nullable=False, comment='Parser version that produced the current rows.'),
    sa.Column('report_count', sa.Integer(), server_default='0', nullable=False, comment='Reports found in the file.'),
    sa.Column('repairs', postgresql.JSONB(astext_type=sa.Text()), server_default=sa.text("'[]'::jsonb"), nullable=False, comment='Repairs normalisation applied: [{kind, count}].'),
    sa.Column('first_run_id', sa.Integer(), nullable=False, comment='Run that first saw this content.'),
    sa.Column('last_run_id', sa.Integer(), nullable=False, comment='Run that last (re)loaded this content.'),
    sa.Column('first_seen_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False, comment='When this content was first seen.'),
    sa.Column('loaded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False, comment='When the current rows were written.'),
    sa.CheckConstraint("status IN ('loaded', 'no_report', 'failed')", name=op.f('ck_source_document_status')),
    sa.ForeignKeyConstraint(['first_run_id'], ['ingest.etl_run.id'], name=op.f('fk_source_document_first_run_id_etl_run')),
    sa.ForeignKeyConstraint(['last_run_id'], ['ingest.etl_run.id'], name=op.f('fk_source_document_last_run_id_etl_run')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_document')),
    sa.UniqueConstraint('sha256', name=op.f('uq_source_document_sha256')),
    schema='ingest',
    comment='One row per distinct file content (by SHA-256), including files that failed.'
    )
    op.create_table('agency',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False, comment='Agency identifier.'),
    sa.Column('name', sa.Text(), nullable=False, comment='Canonical name of the agency.'),
    sa.Column('province', sa.Text(), nullable=True, comment='Province-level division, e.g. 湖南省; NULL for central bodies or unknown.'),
    sa.Column('city', sa.Text(), nullable=True, comment='Prefecture-level division, if any.'),
    sa.Column('county', sa.Text(), nullable=True, comment='County-level division, if any.'),
    sa.Column('adcode', sa.String(length=6), nullable=True, comment="GB/T 2260 code of the agency's region."),
    sa.Column('level', sa.Text(), nullable=True, comment='Administrative level of the agency.'),
    sa.ForeignKeyConstraint(['level'], ['warehouse.level.key'], name=op.f('fk_agency_level_level')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agency')),
    sa.UniqueConstraint('name', name=op.f('uq_agency_name')),
    schema='warehouse',
    comment='One row per canonical agency (a renamed agency keeps one row; its names are aliases).'
    )
    op.create_table('source_file',
    sa.Column('path', sa.Text(), nullable=False, comment='Absolute path of an input file.'),
    sa.Column('size_bytes', sa.BigInteger(), nullable=False, comment='Size when last seen.'),
    sa.Column('mtime_ns', sa.BigInteger(), nullable=False, comment='Modification time (ns) when last seen.'),
    sa.Column('sha256', sa.CHAR(length=64), nullable=False, comment='Content hash when last seen.'),
    sa.Column('document_id', sa.Integer(), nullable=False, comment='The document this path holds.'),
    sa.Column('last_seen_run_id', sa.Integer(), nullable=False, comment='Run that last saw it.'),
    sa.ForeignKeyConstraint(['document_id'], ['ingest.source_document.id'], name=op.f('fk_source_file_document_id_source_document'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['last_seen_run_id'], ['ingest.etl_run.id'], name=op.f('fk_source_file_last_seen_run_id_etl_run')),
    sa.PrimaryKeyConstraint('path', name=op.f('pk_source_file')),
    schema='ingest',
    comment='One row per input path: lets a no-op nightly run skip unchanged files without hashing them.'
    )
    op.create_table('agency_alias',
    sa.Column('alias', sa.Text(), nullable=False, comment='A name as printed in reports.'),
    sa.Column('agency_id', sa.Integer(), nullable=False, comment='The canonical agency it denotes.'),
    sa.Column('origin', sa.Text(), nullable=False, comment='parsed (name seen in a report) or alias_file (from the editable alias file).'),
    sa.Column('note', sa.Text(), nullable=True, comment='Why the alias exists (e.g. renamed in 2018).'),
    sa.CheckConstraint("origin IN ('parsed', 'alias_file')", name=op.f('ck_agency_alias_origin')),
    sa.ForeignKeyConstraint(['agency_id'], ['warehouse.agency.id'], name=op.f('fk_agency_alias_agency_id_agency'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('alias', name=op.f('pk_agency_alias')),
    schema='warehouse',
    comment='One row per agency name variant, mapping it to its canonical agency.'
    )
    op.create_index(op.f('ix_agency_alias_agency_id'), 'agency_alias', ['agency_id'], unique=False, schema='warehouse')
    op.create_table('report',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False, comment='Report identifier.'),
    sa.Column('document_id', sa.Integer(), nullable=False, comment='Document the report was read from.'),
    sa.Column('ordinal', sa.SmallInteger(), nullable=False, comment='Position of the report in its document (1 = first).'),
    sa.Column('agency_id', sa.Integer(), nullable=True, comment='Canonical agency; NULL when the agency is unknown.'),
    sa.Column('agency_name', sa.Text(), nullable=True, comment='Agency name as the report gives it.'),
    sa.Column('year', sa.SmallInteger(), nullable=True, comment='Data year; NULL when unknown (never guessed).'),
    sa.Column('title', sa.Text(), nullable=True, comment='Report title.'),
    sa.Column('published_on', sa.Date(), nullable=True, comment='Publication date from the signature, if stated.'),
    sa.Column('format', sa.Text(), nullable=False, comment='2019-template, 2021-template, prose or prose+table.'),
    sa.Column('scope', sa.Text(), nullable=False, comment='region (a summary of a whole area) or agency.'),
    sa.Column('level', sa.Text(), nullable=True, comment='Administrative level as parsed.'),
    sa.Column('province', sa.Text(), nullable=True, comment='Province as parsed.'),
    sa.Column('city', sa.Text(), nullable=True, comment='City as parsed.'),
    sa.Column('county', sa.Text(), nullable=True, comment='County as parsed.'),
    sa.Column('adcode', sa.String(length=6), nullable=True, comment='GB/T 2260 code as parsed.'),
    sa.Column('is_truncated', sa.Boolean(), server_default=sa.text('false'), nullable=False, comment="The report's text is cut off (e.g. a mirror site hid the rest)."),
    sa.Column('is_primary', sa.Boolean(), server_default=sa.text('false'), nullable=False, comment='The report views use for its agency and year (one per agency × year).'),
    sa.Column('primary_reason', sa.Text(), nullable=True, comment='Why this report is or is not primary.'),
    sa.Column('text_offset', sa.Integer(), server_default='0', nullable=False, comment="Where the report's text starts in the document's normalised text."),
    sa.Column('text', sa.Text(), nullable=False, comment="The report's normalised text; fact offsets point into it."),
    sa.Column('run_id', sa.Integer(), nullable=False, comment='Run that wrote the report.'),
    sa.CheckConstraint("scope IN ('region', 'agency')", name=op.f('ck_report_scope')),
    sa.ForeignKeyConstraint(['agency_id'], ['warehouse.agency.id'], name=op.f('fk_report_agency_id_agency')),
    sa.ForeignKeyConstraint(['document_id'], ['ingest.source_document.id'], name=op.f('fk_report_document_id_source_document'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['format'], ['warehouse.report_format.key'], name=op.f('fk_report_format_report_format')),
    sa.ForeignKeyConstraint(['level'], ['warehouse.level.key'], name=op.f('fk_report_level_level')),
    sa.ForeignKeyConstraint(['run_id'], ['ingest.etl_run.id'], name=op.f('fk_report_run_id_etl_run')),
    sa.ForeignKeyConstraint(['year'], ['warehouse.year.year'], name=op.f('fk_report_year_year')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report')),
    sa.UniqueConstraint('document_id', 'ordinal', name=op.f('uq_report_document_id_ordinal')),
    schema='warehouse',
    comment='One row per report found in a document (a file may hold several).'
    )
    op.create_index(op.f('ix_report_agency_id_year'), 'report', ['agency_id', 'year'], unique=False, schema='warehouse')
    op.create_index(op.f('ix_report_year'), 'report', ['year'], unique=False, schema='warehouse')
    op.create_table('parse_issue',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False, comment='Issue identifier.'),
    sa.Column('document_id', sa.Integer(), nullable=False, comment='Document the issue is about.'),
    sa.Column('report_id', sa.Integer(), nullable=True, comment='Report the issue is about; NULL for file-level issues.'),
    sa.Column('severity', sa.Text(), nullable=False, comment='error, warning or info.'),
    sa.Column('code', sa.Text(), nullable=False, comment='Stable identifier of the kind of issue.'),
    sa.Column('message', sa.Text(), nullable=False, comment='What is wrong, in words a user can act on.'),
    sa.Column('start_offset', sa.Integer(), nullable=True, comment='Start of the text the issue points at, if any.'),
    sa.Column('end_offset', sa.Integer(), nullable=True, comment='End of the text the issue points at, if any.'),
    sa.Column('run_id', sa.Integer(), nullable=False, comment='Run that recorded the issue.'),
    sa.Column('recorded_at', sa.DateTime(timezone=True), server_default=sa.text('now()'), nullable=False, comment='When the issue was recorded.'),
    sa.CheckConstraint("severity IN ('error', 'warning', 'info')", name=op.f('ck_parse_issue_severity')),
    sa.ForeignKeyConstraint(['document_id'], ['ingest.source_document.id'], name=op.f('fk_parse_issue_document_id_source_document'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['report_id'], ['warehouse.report.id'], name=op.f('fk_parse_issue_report_id_report'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['ingest.etl_run.id'], name=op.f('fk_parse_issue_run_id_etl_run')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parse_issue')),
    schema='ingest',
    comment='One row per problem found in a document or report (replaced when the document is re-parsed).'
    )
    op.create_index(op.f('ix_parse_issue_document_id'), 'parse_issue', ['document_id'], unique=False, schema='ingest')
    op.create_index(op.f('ix_parse_issue_report_id'), 'parse_issue', ['report_id'], unique=False, schema='ingest')
    op.create_table('check_result',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False, comment='Check result identifier.'),
    sa.Column('report_id', sa.Integer(), nullable=False, comment='Report checked.'),
    sa.Column('check_name', sa.Text(), nullable=False, comment='Which identity (e.g. t3_balance, t4_group_sum).'),
    sa.Column('subject', sa.Text(), nullable=False, comment='Which column or group it was applied to.'),
    sa.Column('status', sa.Text(), nullable=False, comment='pass, fail or not_assessable.'),
    sa.Column('severity', sa.Text(), nullable=False, comment='error, warning or info (the weight of a fail).'),
    sa.Column('left_value', sa.Numeric(), nullable=True, comment='Left-hand side of the identity.'),
    sa.Column('right_value', sa.Numeric(), nullable=True, comment='Right-hand side of the identity.'),
    sa.Column('difference', sa.Numeric(), nullable=True, comment='left_value − right_value.'),
    sa.Column('message', sa.Text(), server_default='', nullable=False, comment='Explanation of the result.'),
    sa.CheckConstraint("severity IN ('error', 'warning', 'info')", name=op.f('ck_check_result_severity')),
    sa.CheckConstraint("status IN ('pass', 'fail', 'not_assessable')", name=op.f('ck_check_result_status')),
    sa.ForeignKeyConstraint(['report_id'], ['warehouse.report.id'], name=op.f('fk_check_result_report_id_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_result')),
    schema='warehouse',
    comment='One row per report × consistency check × subject (report-format.md §11).'
    )
    op.create_index(op.f('ix_check_result_report_id'), 'check_result', ['report_id'], unique=False, schema='warehouse')
    op.create_table('section',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False, comment='Section identifier.'),
    sa.Column('report_id', sa.Integer(), nullable=False, comment='Report the section belongs to.'),
    sa.Column('ordinal', sa.SmallInteger(), nullable=False, comment='Order of the section in the report (1 = first).'),
    sa.Column('kind', sa.Text(), nullable=False, comment='Canonical kind of the section.'),
    sa.Column('subkind', sa.Text(), nullable=True, comment='Finer kind for extra sections (e.g. consultations).'),
    sa.Column('heading', sa.Text(), nullable=False, comment='The heading as printed (normalised).'),
    sa.Column('start_offset', sa.Integer(), nullable=False, comment='Start of the section in report.text.'),
    sa.Column('end_offset', sa.Integer(), nullable=False, comment='End of the section in report.text.'),
    sa.ForeignKeyConstraint(['kind'], ['warehouse.section_kind.key'], name=op.f('fk_section_kind_section_kind')),
    sa.ForeignKeyConstraint(['report_id'], ['warehouse.report.id'], name=op.f('fk_section_report_id_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_section')),
    sa.UniqueConstraint('report_id', 'ordinal', name=op.f('uq_section_report_id_ordinal')),
    schema='warehouse',
    comment='One row per section of a report.'
    )
    op.create_table('appeals',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False, comment='Fact identifier.'),
    sa.Column('report_id', sa.Integer(), nullable=False, comment='Report that states the number.'),
    sa.Column('proceeding', sa.Text(), nullable=False, comment='review, litigation_direct, litigation_after_review, litigation or complaint.'),
    sa.Column('outcome', sa.Text(), nullable=False, comment='upheld, corrected, other, pending or total.'),
    sa.Column('value', sa.Numeric(), nullable=False, comment='The number as stated (never NULL: unknown has no row).'),
    sa.Column('unit', sa.Text(), nullable=True, comment='Unit as printed (件, 条, 元, 万元 …), if any.'),
    sa.Column('is_approximate', sa.Boolean(), server_default=sa.text('false'), nullable=False, comment='Printed with an approximation marker (余, 多, 近, 约 …).'),
    sa.Column('is_inferred', sa.Boolean(), server_default=sa.text('false'), nullable=False, comment='Not printed but forced by a table identity (e.g. a blank in a row whose total is 0).'),
    sa.Column('source', sa.Text(), nullable=False, comment='table or prose.'),
    sa.Column('section_id', sa.Integer(), nullable=True, comment='Section the number was read in; NULL when outside any section.'),
    sa.Column('start_offset', sa.Integer(), nullable=False, comment="Start of the value's text in report.text."),
    sa.Column('end_offset', sa.Integer(), nullable=False, comment="End of the value's text in report.text."),
    sa.Column('evidence', sa.Text(), nullable=False, comment='The sentence or table row the value was read from.'),
    sa.Column('label', sa.Text(), nullable=True, comment='The row label or phrase as printed, when it helps to read the key.'),
    sa.Column('label_start', sa.Integer(), nullable=True, comment='Start of the row label in report.text (tables).'),
    sa.Column('label_end', sa.Integer(), nullable=True, comment='End of the row label in report.text (tables).'),
    sa.CheckConstraint("source IN ('table', 'prose')", name=op.f('ck_appeals_source')),
    sa.CheckConstraint('start_offset <= end_offset', name=op.f('ck_appeals_span')),
    sa.ForeignKeyConstraint(['outcome'], ['warehouse.outcome.key'], name=op.f('fk_appeals_outcome_outcome')),
    sa.ForeignKeyConstraint(['proceeding'], ['warehouse.proceeding.key'], name=op.f('fk_appeals_proceeding_proceeding')),
    sa.ForeignKeyConstraint(['report_id'], ['warehouse.report.id'], name=op.f('fk_appeals_report_id_report'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['section_id'], ['warehouse.section.id'], name=op.f('fk_appeals_section_id_section'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appeals')),
    schema='warehouse',
    comment='One row per report × proceeding × outcome stated by a report (a figure printed twice, in prose and table, has two rows).'
    )
    op.create_index(op.f('ix_appeals_report_id'), 'appeals', ['report_id'], unique=False, schema='warehouse')
    op.create_table('disclosure_counts',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False, comment='Fact identifier.'),
    sa.Column('report_id', sa.Integer(), nullable=False, comment='Report that states the number.'),
    sa.Column('item', sa.Text(), nullable=False, comment='Table 2 cell or prose measure (disclosure_item).'),
    sa.Column('value', sa.Numeric(), nullable=False, comment='The number as stated (never NULL: unknown has no row).'),
    sa.Column('unit', sa.Text(), nullable=True, comment='Unit as printed (件, 条, 元, 万元 …), if any.'),
    sa.Column('is_approximate', sa.Boolean(), server_default=sa.text('false'), nullable=False, comment='Printed with an approximation marker (余, 多, 近, 约 …).'),
    sa.Column('is_inferred', sa.Boolean(), server_default=sa.text('false'), nullable=False, comment='Not printed but forced by a table identity (e.g. a blank in a row whose total is 0).'),
    sa.Column('source', sa.Text(), nullable=False, comment='table or prose.'),
    sa.Column('section_id', sa.Integer(), nullable=True, comment='Section the number was read in; NULL when outside any section.'),
    sa.Column('start_offset', sa.Integer(), nullable=False, comment="Start of the value's text in report.text."),
    sa.Column('end_offset', sa.Integer(), nullable=False, comment="End of the value's text in report.text."),
    sa.Column('evidence', sa.Text(), nullable=False, comment='The sentence or table row the value was read from.'),
    sa.Column('label', sa.Text(), nullable=True, comment='The row label or phrase as printed, when it helps to read the key.'),
    sa.Column('label_start', sa.Integer(), nullable=True, comment='Start of the row label in report.text (tables).'),
    sa.Column('label_end', sa.Integer(), nullable=True, comment='End of the row label in report.text (tables).'),
    sa.CheckConstraint("source IN ('table', 'prose')", name=op.f('ck_disclosure_counts_source')),
    sa.CheckConstraint('start_offset <= end_offset', name=op.f('ck_disclosure_counts_span')),
    sa.ForeignKeyConstraint(['item'], ['warehouse.disclosure_item.key'], name=op.f('fk_disclosure_counts_item_disclosure_item')),
    sa.ForeignKeyConstraint(['report_id'], ['warehouse.report.id'], name=op.f('fk_disclosure_counts_report_id_report'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['section_id'], ['warehouse.section.id'], name=op.f('fk_disclosure_counts_section_id_section'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_disclosure_counts')),
    schema='warehouse',
    comment='One row per report × proactive-disclosure item stated by a report (a figure printed twice, in prose and table, has two rows).'
    )
    op.create_index(op.f('ix_disclosure_counts_report_id'), 'disclosure_counts', ['report_id'], unique=False, schema='warehouse')
    op.create_table('improvement_measures',
    sa.Column('id', sa.Integer(), sa.Identity(always=False), nullable=False, comment='Measure identifier.'),
    sa.Column('report_id', sa.Integer(), nullable=False, comment='Report that states it.'),
    sa.Column('section_id', sa.Integer(), nullable=True, comment='Section it was read in.'),
    sa.Column('ordinal', sa.SmallInteger(), nullable=False, comment='Order within the report (1 = first).'),
    sa.Column('kind', sa.Text(), nullable=False, comment='measure (what the agency will do) or problem (what went wrong).'),
    sa.Column('text', sa.Text(), nullable=False, comment="The item's text."),
    sa.Column('start_offset', sa.Integer(), nullable=False, comment='Start of the item in report.text.'),
    sa.Column('end_offset', sa.Integer(), nullable=False, comment='End of the item in report.text.'),
    sa.CheckConstraint("kind IN ('measure', 'problem')", name=op.f('ck_improvement_measures_kind')),
    sa.ForeignKeyConstraint(['report_id'], ['warehouse.report.id'], name=op.f('fk_improvement_measures_report_id_report'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['section_id'], ['warehouse.section.id'], name=op.f('fk_improvement_measures_section_id_section'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_improvement_measures')),
    schema='warehouse',
    comment="One row per problem or improvement measure listed in a report's problems-and-improvements section."
    )
    op.create_index(op.f('ix_improvement_measures_report_id'), 'improvement_measures', ['report_id'], unique=False, schema='warehouse')
    op.create_table('requests',
    sa.Column('id', sa.BigInteger(), sa.Identity(always=False), nullable=False, comment='Fact identifier.'),
    sa.Column('report_id', sa.Integer(), nullable=False, comment='Report that states the number.'),
    sa.Column('item', sa.Text(), nullable=False, comment='Table 3 row or prose measure (request_item).'),
    sa.Column('applicant', sa.Text(), nullable=False, comment='Applicant column; total when not broken down.'),
    sa.Column('value', sa.Numeric(), nullable=False, comment='The number as stated (never NULL: unknown has no row).'),
    sa.Column('unit', sa.Text(), nullable=True, comment='Unit as printed (件, 条, 元, 万元 …), if any.'),
    sa.Column('is_approximate', sa.Boolean(), server_default=sa.text('false'), nullable=False, comment='Printed with an approximation marker (余, 多, 近, 约 …).'),
    sa.Column('is_inferred', sa.Boolean(), server_default=sa.text('false'), nullable=False, comment='Not printed but forced by a table identity (e.g. a blank in a row whose total is 0).'),
    sa.Column('source', sa.Text(), nullable=False, comment='table or prose.'),
    sa.Column('section_id', sa.Integer(), nullable=True, comment='Section the number was read in; NULL when outside any section.'),
    sa.Column('start_offset', sa.Integer(), nullable=False, comment="Start of the value's text in report.text."),
    sa.Column('end_offset', sa.Integer(), nullable=False, comment="End of the value's text in report.text."),
    sa.Column('evidence', sa.Text(), nullable=False, comment='The sentence or table row the value was read from.'),
    sa.Column('label', sa.Text(), nullable=True, comment='The row label or phrase as printed, when it helps to read the key.'),
    sa.Column('label_start', sa.Integer(), nullable=True, comment='Start of the row label in report.text (tables).'),
    sa.Column('label_end', sa.Integer(), nullable=True, comment='End of the row label in report.text (tables).'),
    sa.CheckConstraint("source IN ('table', 'prose')", name=op.f('ck_requests_source')),
    sa.CheckConstraint('start_offset <= end_offset', name=op.f('ck_requests_span')),
    sa.ForeignKeyConstraint(['applicant'], ['warehouse.applicant.key'], name=op.f('fk_requests_applicant_applicant')),
    sa.ForeignKeyConstraint(['item'], ['warehouse.request_item.key'], name=op.f('fk_requests_item_request_item')),
    sa.ForeignKeyConstraint(['report_id'], ['warehouse.report.id'], name=op.f('fk_requests_report_id_report'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['section_id'], ['warehouse.section.id'], name=op.f('fk_requests_section_id_section'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_requests')),
    schema='warehouse',
    comment='One row per report × request item × applicant type stated by a report (a figure printed twice, in prose and table, has two rows).'
    )
    op.create_index(op.f('ix_requests_report_id'), 'requests', ['report_id'], unique=False, schema='warehouse')
    for table, rows in LOOKUPS.items():
        target = sa.table(table, sa.column("key"), sa.column("description"), sa.column("label_zh"), schema="warehouse")
        op.bulk_insert(target, [{"key": k, "description": d, "label_zh": z} for k, d, z in rows])
    years = sa.table("year", sa.column("year"), sa.column("expected_format"), schema="warehouse")
    op.bulk_insert(years, [{"year": y, "expected_format": expected_format(y)} for y in range(2007, 2036)])


def downgrade() -> None:
    op.drop_index(op.f('ix_requests_report_id'), table_name='requests', schema='warehouse')
    op.drop_table('requests', schema='warehouse')
    op.drop_index(op.f('ix_improvement_measures_report_id'), table_name='improvement_measures', schema='warehouse')
    op.drop_table('improvement_measures', schema='warehouse')
    op.drop_index(op.f('ix_disclosure_counts_report_id'), table_name='disclosure_counts', schema='warehouse')
    op.drop_table('disclosure_counts', schema='warehouse')
    op.drop_index(op.f('ix_appeals_report_id'), table_name='appeals', schema='warehouse')
    op.drop_table('appeals', schema='warehouse')
    op.drop_table('section', schema='warehouse')
    op.drop_index(op.f('ix_check_result_report_id'), table_name='check_result', schema='warehouse')
    op.drop_table('check_result', schema='warehouse')
    op.drop_index(op.f('ix_parse_issue_report_id'), table_name='parse_issue', schema='ingest')
    op.drop_index(op.f('ix_parse_issue_document_id'), table_name='parse_issue', schema='ingest')
    op.drop_table('parse_issue', schema='ingest')
    op.drop_index(op.f('ix_report_year'), table_name='report', schema='warehouse')
    op.drop_index(op.f('ix_report_agency_id_year'), table_name='report', schema='warehouse')
    op.drop_table('report', schema='warehouse')
    op.drop_index(op.f('ix_agency_alias_agency_id'), table_name='agency_alias', schema='warehouse')
    op.drop_table('agency_alias', schema='warehouse')
    op.drop_table('source_file', schema='ingest')
    op.drop_table('agency', schema='warehouse')
    op.drop_table('source_document', schema='ingest')
    op.drop_table('year', schema='warehouse')
    op.drop_table('section_kind', schema='warehouse')
    op.drop_table('request_item', schema='warehouse')
    op.drop_table('report_format', schema='warehouse')
    op.drop_table('proceeding', schema='warehouse')
    op.drop_table('outcome', schema='warehouse')
    op.drop_table('level', schema='warehouse')
    op.drop_table('disclosure_item', schema='warehouse')
    op.drop_table('applicant', schema='warehouse')
    op.drop_table('etl_run', schema='ingest')
    for schema in ("analytics", "warehouse", "ingest"):
        op.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
