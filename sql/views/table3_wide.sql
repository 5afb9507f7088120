-- analytics.table3_wide: Table 3 (收到和处理政府信息公开申请情况) wide, for BI tools.
-- Grain: one row per report (primary or not); one column per Table 3 row × applicant column.
-- Values come from analytics.stg_requests (table before prose); an unstated cell is NULL.
-- Generated once from the vocabulary, then edited by hand like any view file.
CREATE VIEW analytics.table3_wide AS
WITH reports AS (
    SELECT
        id,
        is_primary,
        agency_id,
        agency_name,
        year,
        format
    FROM warehouse.report
),

agencies AS (
    SELECT
        id,
        name
    FROM warehouse.agency
),

cells AS (
    SELECT
        report_id,
        item,
        applicant,
        value
    FROM analytics.stg_requests
),

pivoted AS (
    SELECT
        report_id,
        max(value) FILTER (WHERE item = 'new_received' AND applicant = 'natural_person') AS new_received__natural_person,
        max(value) FILTER (WHERE item = 'new_received' AND applicant = 'commercial_enterprise') AS new_received__commercial_enterprise,
        max(value) FILTER (WHERE item = 'new_received' AND applicant = 'research_institution') AS new_received__research_institution,
        max(value) FILTER (WHERE item = 'new_received' AND applicant = 'public_interest_org') AS new_received__public_interest_org,
        max(value) FILTER (WHERE item = 'new_received' AND applicant = 'legal_service_org') AS new_received__legal_service_org,
        max(value) FILTER (WHERE item = 'new_received' AND applicant = 'other_org') AS new_received__other_org,
        max(value) FILTER (WHERE item = 'new_received' AND applicant = 'total') AS new_received__total,
        max(value) FILTER (WHERE item = 'carried_over' AND applicant = 'natural_person') AS carried_over__natural_person,
        max(value) FILTER (WHERE item = 'carried_over' AND applicant = 'commercial_enterprise') AS carried_over__commercial_enterprise,
        max(value) FILTER (WHERE item = 'carried_over' AND applicant = 'research_institution') AS carried_over__research_institution,
        max(value) FILTER (WHERE item = 'carried_over' AND applicant = 'public_interest_org') AS carried_over__public_interest_org,
        max(value) FILTER (WHERE item = 'carried_over' AND applicant = 'legal_service_org') AS carried_over__legal_service_org,
        max(value) FILTER (WHERE item = 'carried_over' AND applicant = 'other_org') AS carried_over__other_org,
        max(value) FILTER (WHERE item = 'carried_over' AND applicant = 'total') AS carried_over__total,
        max(value) FILTER (WHERE item = 'granted' AND applicant = 'natural_person') AS granted__natural_person,
        max(value) FILTER (WHERE item = 'granted' AND applicant = 'commercial_enterprise') AS granted__commercial_enterprise,
        max(value) FILTER (WHERE item = 'granted' AND applicant = 'research_institution') AS granted__research_institution,
        max(value) FILTER (WHERE item = 'granted' AND applicant = 'public_interest_org') AS granted__public_interest_org,
        max(value) FILTER (WHERE item = 'granted' AND applicant = 'legal_service_org') AS granted__legal_service_org,
        max(value) FILTER (WHERE item = 'granted' AND applicant = 'other_org') AS granted__other_org,
        max(value) FILTER (WHERE item = 'granted' AND applicant = 'total') AS granted__total,
        max(value) FILTER (WHERE item = 'partially_granted' AND applicant = 'natural_person') AS partially_granted__natural_person,
        max(value) FILTER (WHERE item = 'partially_granted' AND applicant = 'commercial_enterprise') AS partially_granted__commercial_enterprise,
        max(value) FILTER (WHERE item = 'partially_granted' AND applicant = 'research_institution') AS partially_granted__research_institution,
        max(value) FILTER (WHERE item = 'partially_granted' AND applicant = 'public_interest_org') AS partially_granted__public_interest_org,
        max(value) FILTER (WHERE item = 'partially_granted' AND applicant = 'legal_service_org') AS partially_granted__legal_service_org,
        max(value) FILTER (WHERE item = 'partially_granted' AND applicant = 'other_org') AS partially_granted__other_org,
        max(value) FILTER (WHERE item = 'partially_granted' AND applicant = 'total') AS partially_granted__total,
        max(value) FILTER (WHERE item = 'denied.state_secret' AND applicant = 'natural_person') AS denied_state_secret__natural_person,
        max(value) FILTER (WHERE item = 'denied.state_secret' AND applicant = 'commercial_enterprise') AS denied_state_secret__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.state_secret' AND applicant = 'research_institution') AS denied_state_secret__research_institution,
        max(value) FILTER (WHERE item = 'denied.state_secret' AND applicant = 'public_interest_org') AS denied_state_secret__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.state_secret' AND applicant = 'legal_service_org') AS denied_state_secret__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.state_secret' AND applicant = 'other_org') AS denied_state_secret__other_org,
        max(value) FILTER (WHERE item = 'denied.state_secret' AND applicant = 'total') AS denied_state_secret__total,
        max(value) FILTER (WHERE item = 'denied.prohibited_by_law' AND applicant = 'natural_person') AS denied_prohibited_by_law__natural_person,
        max(value) FILTER (WHERE item = 'denied.prohibited_by_law' AND applicant = 'commercial_enterprise') AS denied_prohibited_by_law__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.prohibited_by_law' AND applicant = 'research_institution') AS denied_prohibited_by_law__research_institution,
        max(value) FILTER (WHERE item = 'denied.prohibited_by_law' AND applicant = 'public_interest_org') AS denied_prohibited_by_law__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.prohibited_by_law' AND applicant = 'legal_service_org') AS denied_prohibited_by_law__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.prohibited_by_law' AND applicant = 'other_org') AS denied_prohibited_by_law__other_org,
        max(value) FILTER (WHERE item = 'denied.prohibited_by_law' AND applicant = 'total') AS denied_prohibited_by_law__total,
        max(value) FILTER (WHERE item = 'denied.security_stability' AND applicant = 'natural_person') AS denied_security_stability__natural_person,
        max(value) FILTER (WHERE item = 'denied.security_stability' AND applicant = 'commercial_enterprise') AS denied_security_stability__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.security_stability' AND applicant = 'research_institution') AS denied_security_stability__research_institution,
        max(value) FILTER (WHERE item = 'denied.security_stability' AND applicant = 'public_interest_org') AS denied_security_stability__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.security_stability' AND applicant = 'legal_service_org') AS denied_security_stability__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.security_stability' AND applicant = 'other_org') AS denied_security_stability__other_org,
        max(value) FILTER (WHERE item = 'denied.security_stability' AND applicant = 'total') AS denied_security_stability__total,
        max(value) FILTER (WHERE item = 'denied.third_party_rights' AND applicant = 'natural_person') AS denied_third_party_rights__natural_person,
        max(value) FILTER (WHERE item = 'denied.third_party_rights' AND applicant = 'commercial_enterprise') AS denied_third_party_rights__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.third_party_rights' AND applicant = 'research_institution') AS denied_third_party_rights__research_institution,
        max(value) FILTER (WHERE item = 'denied.third_party_rights' AND applicant = 'public_interest_org') AS denied_third_party_rights__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.third_party_rights' AND applicant = 'legal_service_org') AS denied_third_party_rights__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.third_party_rights' AND applicant = 'other_org') AS denied_third_party_rights__other_org,
        max(value) FILTER (WHERE item = 'denied.third_party_rights' AND applicant = 'total') AS denied_third_party_rights__total,
        max(value) FILTER (WHERE item = 'denied.internal_affairs' AND applicant = 'natural_person') AS denied_internal_affairs__natural_person,
        max(value) FILTER (WHERE item = 'denied.internal_affairs' AND applicant = 'commercial_enterprise') AS denied_internal_affairs__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.internal_affairs' AND applicant = 'research_institution') AS denied_internal_affairs__research_institution,
        max(value) FILTER (WHERE item = 'denied.internal_affairs' AND applicant = 'public_interest_org') AS denied_internal_affairs__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.internal_affairs' AND applicant = 'legal_service_org') AS denied_internal_affairs__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.internal_affairs' AND applicant = 'other_org') AS denied_internal_affairs__other_org,
        max(value) FILTER (WHERE item = 'denied.internal_affairs' AND applicant = 'total') AS denied_internal_affairs__total,
        max(value) FILTER (WHERE item = 'denied.process_information' AND applicant = 'natural_person') AS denied_process_information__natural_person,
        max(value) FILTER (WHERE item = 'denied.process_information' AND applicant = 'commercial_enterprise') AS denied_process_information__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.process_information' AND applicant = 'research_institution') AS denied_process_information__research_institution,
        max(value) FILTER (WHERE item = 'denied.process_information' AND applicant = 'public_interest_org') AS denied_process_information__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.process_information' AND applicant = 'legal_service_org') AS denied_process_information__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.process_information' AND applicant = 'other_org') AS denied_process_information__other_org,
        max(value) FILTER (WHERE item = 'denied.process_information' AND applicant = 'total') AS denied_process_information__total,
        max(value) FILTER (WHERE item = 'denied.enforcement_file' AND applicant = 'natural_person') AS denied_enforcement_file__natural_person,
        max(value) FILTER (WHERE item = 'denied.enforcement_file' AND applicant = 'commercial_enterprise') AS denied_enforcement_file__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.enforcement_file' AND applicant = 'research_institution') AS denied_enforcement_file__research_institution,
        max(value) FILTER (WHERE item = 'denied.enforcement_file' AND applicant = 'public_interest_org') AS denied_enforcement_file__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.enforcement_file' AND applicant = 'legal_service_org') AS denied_enforcement_file__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.enforcement_file' AND applicant = 'other_org') AS denied_enforcement_file__other_org,
        max(value) FILTER (WHERE item = 'denied.enforcement_file' AND applicant = 'total') AS denied_enforcement_file__total,
        max(value) FILTER (WHERE item = 'denied.administrative_query' AND applicant = 'natural_person') AS denied_administrative_query__natural_person,
        max(value) FILTER (WHERE item = 'denied.administrative_query' AND applicant = 'commercial_enterprise') AS denied_administrative_query__commercial_enterprise,
        max(value) FILTER (WHERE item = 'denied.administrative_query' AND applicant = 'research_institution') AS denied_administrative_query__research_institution,
        max(value) FILTER (WHERE item = 'denied.administrative_query' AND applicant = 'public_interest_org') AS denied_administrative_query__public_interest_org,
        max(value) FILTER (WHERE item = 'denied.administrative_query' AND applicant = 'legal_service_org') AS denied_administrative_query__legal_service_org,
        max(value) FILTER (WHERE item = 'denied.administrative_query' AND applicant = 'other_org') AS denied_administrative_query__other_org,
        max(value) FILTER (WHERE item = 'denied.administrative_query' AND applicant = 'total') AS denied_administrative_query__total,
        max(value) FILTER (WHERE item = 'unable.not_held' AND applicant = 'natural_person') AS unable_not_held__natural_person,
        max(value) FILTER (WHERE item = 'unable.not_held' AND applicant = 'commercial_enterprise') AS unable_not_held__commercial_enterprise,
        max(value) FILTER (WHERE item = 'unable.not_held' AND applicant = 'research_institution') AS unable_not_held__research_institution,
        max(value) FILTER (WHERE item = 'unable.not_held' AND applicant = 'public_interest_org') AS unable_not_held__public_interest_org,
        max(value) FILTER (WHERE item = 'unable.not_held' AND applicant = 'legal_service_org') AS unable_not_held__legal_service_org,
        max(value) FILTER (WHERE item = 'unable.not_held' AND applicant = 'other_org') AS unable_not_held__other_org,
        max(value) FILTER (WHERE item = 'unable.not_held' AND applicant = 'total') AS unable_not_held__total,
        max(value) FILTER (WHERE item = 'unable.needs_creation' AND applicant = 'natural_person') AS unable_needs_creation__natural_person,
        max(value) FILTER (WHERE item = 'unable.needs_creation' AND applicant = 'commercial_enterprise') AS unable_needs_creation__commercial_enterprise,
        max(value) FILTER (WHERE item = 'unable.needs_creation' AND applicant = 'research_institution') AS unable_needs_creation__research_institution,
        max(value) FILTER (WHERE item = 'unable.needs_creation' AND applicant = 'public_interest_org') AS unable_needs_creation__public_interest_org,
        max(value) FILTER (WHERE item = 'unable.needs_creation' AND applicant = 'legal_service_org') AS unable_needs_creation__legal_service_org,
        max(value) FILTER (WHERE item = 'unable.needs_creation' AND applicant = 'other_org') AS unable_needs_creation__other_org,
        max(value) FILTER (WHERE item = 'unable.needs_creation' AND applicant = 'total') AS unable_needs_creation__total,
        max(value) FILTER (WHERE item = 'unable.still_unclear' AND applicant = 'natural_person') AS unable_still_unclear__natural_person,
        max(value) FILTER (WHERE item = 'unable.still_unclear' AND applicant = 'commercial_enterprise') AS unable_still_unclear__commercial_enterprise,
        max(value) FILTER (WHERE item = 'unable.still_unclear' AND applicant = 'research_institution') AS unable_still_unclear__research_institution,
        max(value) FILTER (WHERE item = 'unable.still_unclear' AND applicant = 'public_interest_org') AS unable_still_unclear__public_interest_org,
        max(value) FILTER (WHERE item = 'unable.still_unclear' AND applicant = 'legal_service_org') AS unable_still_unclear__legal_service_org,
        max(value) FILTER (WHERE item = 'unable.still_unclear' AND applicant = 'other_org') AS unable_still_unclear__other_org,
        max(value) FILTER (WHERE item = 'unable.still_unclear' AND applicant = 'total') AS unable_still_unclear__total,
        max(value) FILTER (WHERE item = 'not_processed.petition_complaint' AND applicant = 'natural_person') AS not_processed_petition_complaint__natural_person,
        max(value) FILTER (WHERE item = 'not_processed.petition_complaint' AND applicant = 'commercial_enterprise') AS not_processed_petition_complaint__commercial_enterprise,
        max(value) FILTER (WHERE item = 'not_processed.petition_complaint' AND applicant = 'research_institution') AS not_processed_petition_complaint__research_institution,
        max(value) FILTER (WHERE item = 'not_processed.petition_complaint' AND applicant = 'public_interest_org') AS not_processed_petition_complaint__public_interest_org,
        max(value) FILTER (WHERE item = 'not_processed.petition_complaint' AND applicant = 'legal_service_org') AS not_processed_petition_complaint__legal_service_org,
        max(value) FILTER (WHERE item = 'not_processed.petition_complaint' AND applicant = 'other_org') AS not_processed_petition_complaint__other_org,
        max(value) FILTER (WHERE item = 'not_processed.petition_complaint' AND applicant = 'total') AS not_processed_petition_complaint__total,
        max(value) FILTER (WHERE item = 'not_processed.repeat' AND applicant = 'natural_person') AS not_processed_repeat__natural_person,
        max(value) FILTER (WHERE item = 'not_processed.repeat' AND applicant = 'commercial_enterprise') AS not_processed_repeat__commercial_enterprise,
        max(value) FILTER (WHERE item = 'not_processed.repeat' AND applicant = 'research_institution') AS not_processed_repeat__research_institution,
        max(value) FILTER (WHERE item = 'not_processed.repeat' AND applicant = 'public_interest_org') AS not_processed_repeat__public_interest_org,
        max(value) FILTER (WHERE item = 'not_processed.repeat' AND applicant = 'legal_service_org') AS not_processed_repeat__legal_service_org,
        max(value) FILTER (WHERE item = 'not_processed.repeat' AND applicant = 'other_org') AS not_processed_repeat__other_org,
        max(value) FILTER (WHERE item = 'not_processed.repeat' AND applicant = 'total') AS not_processed_repeat__total,
        max(value) FILTER (WHERE item = 'not_processed.publication' AND applicant = 'natural_person') AS not_processed_publication__natural_person,
        max(value) FILTER (WHERE item = 'not_processed.publication' AND applicant = 'commercial_enterprise') AS not_processed_publication__commercial_enterprise,
        max(value) FILTER (WHERE item = 'not_processed.publication' AND applicant = 'research_institution') AS not_processed_publication__research_institution,
        max(value) FILTER (WHERE item = 'not_processed.publication' AND applicant = 'public_interest_org') AS not_processed_publication__public_interest_org,
        max(value) FILTER (WHERE item = 'not_processed.publication' AND applicant = 'legal_service_org') AS not_processed_publication__legal_service_org,
        max(value) FILTER (WHERE item = 'not_processed.publication' AND applicant = 'other_org') AS not_processed_publication__other_org,
        max(value) FILTER (WHERE item = 'not_processed.publication' AND applicant = 'total') AS not_processed_publication__total,
        max(value) FILTER (WHERE item = 'not_processed.mass_repetitive' AND applicant = 'natural_person') AS not_processed_mass_repetitive__natural_person,
        max(value) FILTER (WHERE item = 'not_processed.mass_repetitive' AND applicant = 'commercial_enterprise') AS not_processed_mass_repetitive__commercial_enterprise,
        max(value) FILTER (WHERE item = 'not_processed.mass_repetitive' AND applicant = 'research_institution') AS not_processed_mass_repetitive__research_institution,
        max(value) FILTER (WHERE item = 'not_processed.mass_repetitive' AND applicant = 'public_interest_org') AS not_processed_mass_repetitive__public_interest_org,
        max(value) FILTER (WHERE item = 'not_processed.mass_repetitive' AND applicant = 'legal_service_org') AS not_processed_mass_repetitive__legal_service_org,
        max(value) FILTER (WHERE item = 'not_processed.mass_repetitive' AND applicant = 'other_org') AS not_processed_mass_repetitive__other_org,
        max(value) FILTER (WHERE item = 'not_processed.mass_repetitive' AND applicant = 'total') AS not_processed_mass_repetitive__total,
        max(value) FILTER (WHERE item = 'not_processed.confirm_or_reissue' AND applicant = 'natural_person') AS not_processed_confirm_or_reissue__natural_person,
        max(value) FILTER (WHERE item = 'not_processed.confirm_or_reissue' AND applicant = 'commercial_enterprise') AS not_processed_confirm_or_reissue__commercial_enterprise,
        max(value) FILTER (WHERE item = 'not_processed.confirm_or_reissue' AND applicant = 'research_institution') AS not_processed_confirm_or_reissue__research_institution,
        max(value) FILTER (WHERE item = 'not_processed.confirm_or_reissue' AND applicant = 'public_interest_org') AS not_processed_confirm_or_reissue__public_interest_org,
        max(value) FILTER (WHERE item = 'not_processed.confirm_or_reissue' AND applicant = 'legal_service_org') AS not_processed_confirm_or_reissue__legal_service_org,
        max(value) FILTER (WHERE item = 'not_processed.confirm_or_reissue' AND applicant = 'other_org') AS not_processed_confirm_or_reissue__other_org,
        max(value) FILTER (WHERE item = 'not_processed.confirm_or_reissue' AND applicant = 'total') AS not_processed_confirm_or_reissue__total,
        max(value) FILTER (WHERE item = 'other' AND applicant = 'natural_person') AS other__natural_person,
        max(value) FILTER (WHERE item = 'other' AND applicant = 'commercial_enterprise') AS other__commercial_enterprise,
        max(value) FILTER (WHERE item = 'other' AND applicant = 'research_institution') AS other__research_institution,
        max(value) FILTER (WHERE item = 'other' AND applicant = 'public_interest_org') AS other__public_interest_org,
        max(value) FILTER (WHERE item = 'other' AND applicant = 'legal_service_org') AS other__legal_service_org,
        max(value) FILTER (WHERE item = 'other' AND applicant = 'other_org') AS other__other_org,
        max(value) FILTER (WHERE item = 'other' AND applicant = 'total') AS other__total,
        max(value) FILTER (WHERE item = 'other.overdue_correction' AND applicant = 'natural_person') AS other_overdue_correction__natural_person,
        max(value) FILTER (WHERE item = 'other.overdue_correction' AND applicant = 'commercial_enterprise') AS other_overdue_correction__commercial_enterprise,
        max(value) FILTER (WHERE item = 'other.overdue_correction' AND applicant = 'research_institution') AS other_overdue_correction__research_institution,
        max(value) FILTER (WHERE item = 'other.overdue_correction' AND applicant = 'public_interest_org') AS other_overdue_correction__public_interest_org,
        max(value) FILTER (WHERE item = 'other.overdue_correction' AND applicant = 'legal_service_org') AS other_overdue_correction__legal_service_org,
        max(value) FILTER (WHERE item = 'other.overdue_correction' AND applicant = 'other_org') AS other_overdue_correction__other_org,
        max(value) FILTER (WHERE item = 'other.overdue_correction' AND applicant = 'total') AS other_overdue_correction__total,
        max(value) FILTER (WHERE item = 'other.overdue_fee' AND applicant = 'natural_person') AS other_overdue_fee__natural_person,
        max(value) FILTER (WHERE item = 'other.overdue_fee' AND applicant = 'commercial_enterprise') AS other_overdue_fee__commercial_enterprise,
        max(value) FILTER (WHERE item = 'other.overdue_fee' AND applicant = 'research_institution') AS other_overdue_fee__research_institution,
        max(value) FILTER (WHERE item = 'other.overdue_fee' AND applicant = 'public_interest_org') AS other_overdue_fee__public_interest_org,
        max(value) FILTER (WHERE item = 'other.overdue_fee' AND applicant = 'legal_service_org') AS other_overdue_fee__legal_service_org,
        max(value) FILTER (WHERE item = 'other.overdue_fee' AND applicant = 'other_org') AS other_overdue_fee__other_org,
        max(value) FILTER (WHERE item = 'other.overdue_fee' AND applicant = 'total') AS other_overdue_fee__total,
        max(value) FILTER (WHERE item = 'other.other' AND applicant = 'natural_person') AS other_other__natural_person,
        max(value) FILTER (WHERE item = 'other.other' AND applicant = 'commercial_enterprise') AS other_other__commercial_enterprise,
        max(value) FILTER (WHERE item = 'other.other' AND applicant = 'research_institution') AS other_other__research_institution,
        max(value) FILTER (WHERE item = 'other.other' AND applicant = 'public_interest_org') AS other_other__public_interest_org,
        max(value) FILTER (WHERE item = 'other.other' AND applicant = 'legal_service_org') AS other_other__legal_service_org,
        max(value) FILTER (WHERE item = 'other.other' AND applicant = 'other_org') AS other_other__other_org,
        max(value) FILTER (WHERE item = 'other.other' AND applicant = 'total') AS other_other__total,
        max(value) FILTER (WHERE item = 'total_processed' AND applicant = 'natural_person') AS total_processed__natural_person,
        max(value) FILTER (WHERE item = 'total_processed' AND applicant = 'commercial_enterprise') AS total_processed__commercial_enterprise,
        max(value) FILTER (WHERE item = 'total_processed' AND applicant = 'research_institution') AS total_processed__research_institution,
        max(value) FILTER (WHERE item = 'total_processed' AND applicant = 'public_interest_org') AS total_processed__public_interest_org,
        max(value) FILTER (WHERE item = 'total_processed' AND applicant = 'legal_service_org') AS total_processed__legal_service_org,
        max(value) FILTER (WHERE item = 'total_processed' AND applicant = 'other_org') AS total_processed__other_org,
        max(value) FILTER (WHERE item = 'total_processed' AND applicant = 'total') AS total_processed__total,
        max(value) FILTER (WHERE item = 'carried_forward' AND applicant = 'natural_person') AS carried_forward__natural_person,
        max(value) FILTER (WHERE item = 'carried_forward' AND applicant = 'commercial_enterprise') AS carried_forward__commercial_enterprise,
        max(value) FILTER (WHERE item = 'carried_forward' AND applicant = 'research_institution') AS carried_forward__research_institution,
        max(value) FILTER (WHERE item = 'carried_forward' AND applicant = 'public_interest_org') AS carried_forward__public_interest_org,
        max(value) FILTER (WHERE item = 'carried_forward' AND applicant = 'legal_service_org') AS carried_forward__legal_service_org,
        max(value) FILTER (WHERE item = 'carried_forward' AND applicant = 'other_org') AS carried_forward__other_org,
        max(value) FILTER (WHERE item = 'carried_forward' AND applicant = 'total') AS carried_forward__total
    FROM cells
    GROUP BY report_id
)

SELECT
    reports.id AS report_id,
    reports.is_primary AS is_primary,
    reports.agency_id AS agency_id,
    coalesce(agencies.name, reports.agency_name) AS agency_name,
    reports.year AS year,
    reports.format AS format,
    pivoted.new_received__natural_person,
    pivoted.new_received__commercial_enterprise,
    pivoted.new_received__research_institution,
    pivoted.new_received__public_interest_org,
    pivoted.new_received__legal_service_org,
    pivoted.new_received__other_org,
    pivoted.new_received__total,
    pivoted.carried_over__natural_person,
    pivoted.carried_over__commercial_enterprise,
    pivoted.carried_over__research_institution,
    pivoted.carried_over__public_interest_org,
    pivoted.carried_over__legal_service_org,
    pivoted.carried_over__other_org,
    pivoted.carried_over__total,
    pivoted.granted__natural_person,
    pivoted.granted__commercial_enterprise,
    pivoted.granted__research_institution,
    pivoted.granted__public_interest_org,
    pivoted.granted__legal_service_org,
    pivoted.granted__other_org,
    pivoted.granted__total,
    pivoted.partially_granted__natural_person,
    pivoted.partially_granted__commercial_enterprise,
    pivoted.partially_granted__research_institution,
    pivoted.partially_granted__public_interest_org,
    pivoted.partially_granted__legal_service_org,
    pivoted.partially_granted__other_org,
    pivoted.partially_granted__total,
    pivoted.denied_state_secret__natural_person,
    pivoted.denied_state_secret__commercial_enterprise,
    pivoted.denied_state_secret__research_institution,
    pivoted.denied_state_secret__public_interest_org,
    pivoted.denied_state_secret__legal_service_org,
    pivoted.denied_state_secret__other_org,
    pivoted.denied_state_secret__total,
    pivoted.denied_prohibited_by_law__natural_person,
    pivoted.denied_prohibited_by_law__commercial_enterprise,
    pivoted.denied_prohibited_by_law__research_institution,
    pivoted.denied_prohibited_by_law__public_interest_org,
    pivoted.denied_prohibited_by_law__legal_service_org,
    pivoted.denied_prohibited_by_law__other_org,
    pivoted.denied_prohibited_by_law__total,
    pivoted.denied_security_stability__natural_person,
    pivoted.denied_security_stability__commercial_enterprise,
    pivoted.denied_security_stability__research_institution,
    pivoted.denied_security_stability__public_interest_org,
    pivoted.denied_security_stability__legal_service_org,
    pivoted.denied_security_stability__other_org,
    pivoted.denied_security_stability__total,
    pivoted.denied_third_party_rights__natural_person,
    pivoted.denied_third_party_rights__commercial_enterprise,
    pivoted.denied_third_party_rights__research_institution,
    pivoted.denied_third_party_rights__public_interest_org,
    pivoted.denied_third_party_rights__legal_service_org,
    pivoted.denied_third_party_rights__other_org,
    pivoted.denied_third_party_rights__total,
    pivoted.denied_internal_affairs__natural_person,
    pivoted.denied_internal_affairs__commercial_enterprise,
    pivoted.denied_internal_affairs__research_institution,
    pivoted.denied_internal_affairs__public_interest_org,
    pivoted.denied_internal_affairs__legal_service_org,
    pivoted.denied_internal_affairs__other_org,
    pivoted.denied_internal_affairs__total,
    pivoted.denied_process_information__natural_person,
    pivoted.denied_process_information__commercial_enterprise,
    pivoted.denied_process_information__research_institution,
    pivoted.denied_process_information__public_interest_org,
    pivoted.denied_process_information__legal_service_org,
    pivoted.denied_process_information__other_org,
    pivoted.denied_process_information__total,
    pivoted.denied_enforcement_file__natural_person,
    pivoted.denied_enforcement_file__commercial_enterprise,
    pivoted.denied_enforcement_file__research_institution,
    pivoted.denied_enforcement_file__public_interest_org,
    pivoted.denied_enforcement_file__legal_service_org,
    pivoted.denied_enforcement_file__other_org,
    pivoted.denied_enforcement_file__total,
    pivoted.denied_administrative_query__natural_person,
    pivoted.denied_administrative_query__commercial_enterprise,
    pivoted.denied_administrative_query__research_institution,
    pivoted.denied_administrative_query__public_interest_org,
    pivoted.denied_administrative_query__legal_service_org,
    pivoted.denied_administrative_query__other_org,
    pivoted.denied_administrative_query__total,
    pivoted.unable_not_held__natural_person,
    pivoted.unable_not_held__commercial_enterprise,
    pivoted.unable_not_held__research_institution,
    pivoted.unable_not_held__public_interest_org,
    pivoted.unable_not_held__legal_service_org,
    pivoted.unable_not_held__other_org,
    pivoted.unable_not_held__total,
    pivoted.unable_needs_creation__natural_person,
    pivoted.unable_needs_creation__commercial_enterprise,
    pivoted.unable_needs_creation__research_institution,
    pivoted.unable_needs_creation__public_interest_org,
    pivoted.unable_needs_creation__legal_service_org,
    pivoted.unable_needs_creation__other_org,
    pivoted.unable_needs_creation__total,
    pivoted.unable_still_unclear__natural_person,
    pivoted.unable_still_unclear__commercial_enterprise,
    pivoted.unable_still_unclear__research_institution,
    pivoted.unable_still_unclear__public_interest_org,
    pivoted.unable_still_unclear__legal_service_org,
    pivoted.unable_still_unclear__other_org,
    pivoted.unable_still_unclear__total,
    pivoted.not_processed_petition_complaint__natural_person,
    pivoted.not_processed_petition_complaint__commercial_enterprise,
    pivoted.not_processed_petition_complaint__research_institution,
    pivoted.not_processed_petition_complaint__public_interest_org,
    pivoted.not_processed_petition_complaint__legal_service_org,
    pivoted.not_processed_petition_complaint__other_org,
    pivoted.not_processed_petition_complaint__total,
    pivoted.not_processed_repeat__natural_person,
    pivoted.not_processed_repeat__commercial_enterprise,
    pivoted.not_processed_repeat__research_institution,
    pivoted.not_processed_repeat__public_interest_org,
    pivoted.not_processed_repeat__legal_service_org,
    pivoted.not_processed_repeat__other_org,
    pivoted.not_processed_repeat__total,
    pivoted.not_processed_publication__natural_person,
    pivoted.not_processed_publication__commercial_enterprise,
    pivoted.not_processed_publication__research_institution,
    pivoted.not_processed_publication__public_interest_org,
    pivoted.not_processed_publication__legal_service_org,
    pivoted.not_processed_publication__other_org,
    pivoted.not_processed_publication__total,
    pivoted.not_processed_mass_repetitive__natural_person,
    pivoted.not_processed_mass_repetitive__commercial_enterprise,
    pivoted.not_processed_mass_repetitive__research_institution,
    pivoted.not_processed_mass_repetitive__public_interest_org,
    pivoted.not_processed_mass_repetitive__legal_service_org,
    pivoted.not_processed_mass_repetitive__other_org,
    pivoted.not_processed_mass_repetitive__total,
    pivoted.not_processed_confirm_or_reissue__natural_person,
    pivoted.not_processed_confirm_or_reissue__commercial_enterprise,
    pivoted.not_processed_confirm_or_reissue__research_institution,
    pivoted.not_processed_confirm_or_reissue__public_interest_org,
    pivoted.not_processed_confirm_or_reissue__legal_service_org,
    pivoted.not_processed_confirm_or_reissue__other_org,
    pivoted.not_processed_confirm_or_reissue__total,
    pivoted.other__natural_person,
    pivoted.other__commercial_enterprise,
    pivoted.other__research_institution,
    pivoted.other__public_interest_org,
    pivoted.other__legal_service_org,
    pivoted.other__other_org,
    pivoted.other__total,
    pivoted.other_overdue_correction__natural_person,
    pivoted.other_overdue_correction__commercial_enterprise,
    pivoted.other_overdue_correction__research_institution,
    pivoted.other_overdue_correction__public_interest_org,
    pivoted.other_overdue_correction__legal_service_org,
    pivoted.other_overdue_correction__other_org,
    pivoted.other_overdue_correction__total,
    pivoted.other_overdue_fee__natural_person,
    pivoted.other_overdue_fee__commercial_enterprise,
    pivoted.other_overdue_fee__research_institution,
    pivoted.other_overdue_fee__public_interest_org,
    pivoted.other_overdue_fee__legal_service_org,
    pivoted.other_overdue_fee__other_org,
    pivoted.other_overdue_fee__total,
    pivoted.other_other__natural_person,
    pivoted.other_other__commercial_enterprise,
    pivoted.other_other__research_institution,
    pivoted.other_other__public_interest_org,
    pivoted.other_other__legal_service_org,
    pivoted.other_other__other_org,
    pivoted.other_other__total,
    pivoted.total_processed__natural_person,
    pivoted.total_processed__commercial_enterprise,
    pivoted.total_processed__research_institution,
    pivoted.total_processed__public_interest_org,
    pivoted.total_processed__legal_service_org,
    pivoted.total_processed__other_org,
    pivoted.total_processed__total,
    pivoted.carried_forward__natural_person,
    pivoted.carried_forward__commercial_enterprise,
    pivoted.carried_forward__research_institution,
    pivoted.carried_forward__public_interest_org,
    pivoted.carried_forward__legal_service_org,
    pivoted.carried_forward__other_org,
    pivoted.carried_forward__total
FROM reports
LEFT JOIN agencies ON agencies.id = reports.agency_id
LEFT JOIN pivoted ON pivoted.report_id = reports.id;

COMMENT ON VIEW analytics.table3_wide IS 'Table 3 (requests) wide for BI tools: one row per report (all reports; filter is_primary for one per agency × year), one column per template row × applicant column, named <item>__<applicant> with dots as underscores. 2019 reports fill other__*, 2021 reports fill other_*__* instead. NULL = not stated.';
COMMENT ON COLUMN analytics.table3_wide.report_id IS 'Report identifier (warehouse.report.id).';
COMMENT ON COLUMN analytics.table3_wide.is_primary IS 'The report views use for its agency and year.';
COMMENT ON COLUMN analytics.table3_wide.agency_id IS 'Canonical agency (warehouse.agency.id); NULL when unknown.';
COMMENT ON COLUMN analytics.table3_wide.agency_name IS 'Canonical agency name; the printed name when no canonical agency is known.';
COMMENT ON COLUMN analytics.table3_wide.year IS 'Data year; NULL when unknown.';
COMMENT ON COLUMN analytics.table3_wide.format IS 'Report format: 2019-template, 2021-template, prose or prose+table.';
COMMENT ON COLUMN analytics.table3_wide.new_received__natural_person IS 'Table 3 row 一、本年新收政府信息公开申请数量 (new_received: Requests newly received this year) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.new_received__commercial_enterprise IS 'Table 3 row 一、本年新收政府信息公开申请数量 (new_received: Requests newly received this year) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.new_received__research_institution IS 'Table 3 row 一、本年新收政府信息公开申请数量 (new_received: Requests newly received this year) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.new_received__public_interest_org IS 'Table 3 row 一、本年新收政府信息公开申请数量 (new_received: Requests newly received this year) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.new_received__legal_service_org IS 'Table 3 row 一、本年新收政府信息公开申请数量 (new_received: Requests newly received this year) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.new_received__other_org IS 'Table 3 row 一、本年新收政府信息公开申请数量 (new_received: Requests newly received this year) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.new_received__total IS 'Table 3 row 一、本年新收政府信息公开申请数量 (new_received: Requests newly received this year) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.carried_over__natural_person IS 'Table 3 row 二、上年结转政府信息公开申请数量 (carried_over: Requests carried over from last year) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.carried_over__commercial_enterprise IS 'Table 3 row 二、上年结转政府信息公开申请数量 (carried_over: Requests carried over from last year) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.carried_over__research_institution IS 'Table 3 row 二、上年结转政府信息公开申请数量 (carried_over: Requests carried over from last year) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.carried_over__public_interest_org IS 'Table 3 row 二、上年结转政府信息公开申请数量 (carried_over: Requests carried over from last year) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.carried_over__legal_service_org IS 'Table 3 row 二、上年结转政府信息公开申请数量 (carried_over: Requests carried over from last year) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.carried_over__other_org IS 'Table 3 row 二、上年结转政府信息公开申请数量 (carried_over: Requests carried over from last year) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.carried_over__total IS 'Table 3 row 二、上年结转政府信息公开申请数量 (carried_over: Requests carried over from last year) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.granted__natural_person IS 'Table 3 row （一）予以公开 (granted: Granted in full) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.granted__commercial_enterprise IS 'Table 3 row （一）予以公开 (granted: Granted in full) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.granted__research_institution IS 'Table 3 row （一）予以公开 (granted: Granted in full) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.granted__public_interest_org IS 'Table 3 row （一）予以公开 (granted: Granted in full) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.granted__legal_service_org IS 'Table 3 row （一）予以公开 (granted: Granted in full) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.granted__other_org IS 'Table 3 row （一）予以公开 (granted: Granted in full) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.granted__total IS 'Table 3 row （一）予以公开 (granted: Granted in full) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.partially_granted__natural_person IS 'Table 3 row （二）部分公开 (partially_granted: Partially granted) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.partially_granted__commercial_enterprise IS 'Table 3 row （二）部分公开 (partially_granted: Partially granted) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.partially_granted__research_institution IS 'Table 3 row （二）部分公开 (partially_granted: Partially granted) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.partially_granted__public_interest_org IS 'Table 3 row （二）部分公开 (partially_granted: Partially granted) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.partially_granted__legal_service_org IS 'Table 3 row （二）部分公开 (partially_granted: Partially granted) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.partially_granted__other_org IS 'Table 3 row （二）部分公开 (partially_granted: Partially granted) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.partially_granted__total IS 'Table 3 row （二）部分公开 (partially_granted: Partially granted) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_state_secret__natural_person IS 'Table 3 row 1.属于国家秘密 (denied.state_secret: Denied: state secret) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_state_secret__commercial_enterprise IS 'Table 3 row 1.属于国家秘密 (denied.state_secret: Denied: state secret) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_state_secret__research_institution IS 'Table 3 row 1.属于国家秘密 (denied.state_secret: Denied: state secret) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_state_secret__public_interest_org IS 'Table 3 row 1.属于国家秘密 (denied.state_secret: Denied: state secret) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_state_secret__legal_service_org IS 'Table 3 row 1.属于国家秘密 (denied.state_secret: Denied: state secret) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_state_secret__other_org IS 'Table 3 row 1.属于国家秘密 (denied.state_secret: Denied: state secret) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_state_secret__total IS 'Table 3 row 1.属于国家秘密 (denied.state_secret: Denied: state secret) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_prohibited_by_law__natural_person IS 'Table 3 row 2.其他法律行政法规禁止公开 (denied.prohibited_by_law: Denied: prohibited by other laws and regulations) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_prohibited_by_law__commercial_enterprise IS 'Table 3 row 2.其他法律行政法规禁止公开 (denied.prohibited_by_law: Denied: prohibited by other laws and regulations) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_prohibited_by_law__research_institution IS 'Table 3 row 2.其他法律行政法规禁止公开 (denied.prohibited_by_law: Denied: prohibited by other laws and regulations) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_prohibited_by_law__public_interest_org IS 'Table 3 row 2.其他法律行政法规禁止公开 (denied.prohibited_by_law: Denied: prohibited by other laws and regulations) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_prohibited_by_law__legal_service_org IS 'Table 3 row 2.其他法律行政法规禁止公开 (denied.prohibited_by_law: Denied: prohibited by other laws and regulations) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_prohibited_by_law__other_org IS 'Table 3 row 2.其他法律行政法规禁止公开 (denied.prohibited_by_law: Denied: prohibited by other laws and regulations) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_prohibited_by_law__total IS 'Table 3 row 2.其他法律行政法规禁止公开 (denied.prohibited_by_law: Denied: prohibited by other laws and regulations) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_security_stability__natural_person IS 'Table 3 row 3.危及“三安全一稳定” (denied.security_stability: Denied: endangers security and stability) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_security_stability__commercial_enterprise IS 'Table 3 row 3.危及“三安全一稳定” (denied.security_stability: Denied: endangers security and stability) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_security_stability__research_institution IS 'Table 3 row 3.危及“三安全一稳定” (denied.security_stability: Denied: endangers security and stability) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_security_stability__public_interest_org IS 'Table 3 row 3.危及“三安全一稳定” (denied.security_stability: Denied: endangers security and stability) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_security_stability__legal_service_org IS 'Table 3 row 3.危及“三安全一稳定” (denied.security_stability: Denied: endangers security and stability) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_security_stability__other_org IS 'Table 3 row 3.危及“三安全一稳定” (denied.security_stability: Denied: endangers security and stability) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_security_stability__total IS 'Table 3 row 3.危及“三安全一稳定” (denied.security_stability: Denied: endangers security and stability) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_third_party_rights__natural_person IS 'Table 3 row 4.保护第三方合法权益 (denied.third_party_rights: Denied: protects third-party rights) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_third_party_rights__commercial_enterprise IS 'Table 3 row 4.保护第三方合法权益 (denied.third_party_rights: Denied: protects third-party rights) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_third_party_rights__research_institution IS 'Table 3 row 4.保护第三方合法权益 (denied.third_party_rights: Denied: protects third-party rights) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_third_party_rights__public_interest_org IS 'Table 3 row 4.保护第三方合法权益 (denied.third_party_rights: Denied: protects third-party rights) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_third_party_rights__legal_service_org IS 'Table 3 row 4.保护第三方合法权益 (denied.third_party_rights: Denied: protects third-party rights) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_third_party_rights__other_org IS 'Table 3 row 4.保护第三方合法权益 (denied.third_party_rights: Denied: protects third-party rights) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_third_party_rights__total IS 'Table 3 row 4.保护第三方合法权益 (denied.third_party_rights: Denied: protects third-party rights) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_internal_affairs__natural_person IS 'Table 3 row 5.属于三类内部事务信息 (denied.internal_affairs: Denied: internal affairs information) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_internal_affairs__commercial_enterprise IS 'Table 3 row 5.属于三类内部事务信息 (denied.internal_affairs: Denied: internal affairs information) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_internal_affairs__research_institution IS 'Table 3 row 5.属于三类内部事务信息 (denied.internal_affairs: Denied: internal affairs information) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_internal_affairs__public_interest_org IS 'Table 3 row 5.属于三类内部事务信息 (denied.internal_affairs: Denied: internal affairs information) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_internal_affairs__legal_service_org IS 'Table 3 row 5.属于三类内部事务信息 (denied.internal_affairs: Denied: internal affairs information) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_internal_affairs__other_org IS 'Table 3 row 5.属于三类内部事务信息 (denied.internal_affairs: Denied: internal affairs information) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_internal_affairs__total IS 'Table 3 row 5.属于三类内部事务信息 (denied.internal_affairs: Denied: internal affairs information) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_process_information__natural_person IS 'Table 3 row 6.属于四类过程性信息 (denied.process_information: Denied: process information) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_process_information__commercial_enterprise IS 'Table 3 row 6.属于四类过程性信息 (denied.process_information: Denied: process information) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_process_information__research_institution IS 'Table 3 row 6.属于四类过程性信息 (denied.process_information: Denied: process information) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_process_information__public_interest_org IS 'Table 3 row 6.属于四类过程性信息 (denied.process_information: Denied: process information) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_process_information__legal_service_org IS 'Table 3 row 6.属于四类过程性信息 (denied.process_information: Denied: process information) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_process_information__other_org IS 'Table 3 row 6.属于四类过程性信息 (denied.process_information: Denied: process information) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_process_information__total IS 'Table 3 row 6.属于四类过程性信息 (denied.process_information: Denied: process information) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_enforcement_file__natural_person IS 'Table 3 row 7.属于行政执法案卷 (denied.enforcement_file: Denied: administrative enforcement file) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_enforcement_file__commercial_enterprise IS 'Table 3 row 7.属于行政执法案卷 (denied.enforcement_file: Denied: administrative enforcement file) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_enforcement_file__research_institution IS 'Table 3 row 7.属于行政执法案卷 (denied.enforcement_file: Denied: administrative enforcement file) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_enforcement_file__public_interest_org IS 'Table 3 row 7.属于行政执法案卷 (denied.enforcement_file: Denied: administrative enforcement file) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_enforcement_file__legal_service_org IS 'Table 3 row 7.属于行政执法案卷 (denied.enforcement_file: Denied: administrative enforcement file) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_enforcement_file__other_org IS 'Table 3 row 7.属于行政执法案卷 (denied.enforcement_file: Denied: administrative enforcement file) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_enforcement_file__total IS 'Table 3 row 7.属于行政执法案卷 (denied.enforcement_file: Denied: administrative enforcement file) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.denied_administrative_query__natural_person IS 'Table 3 row 8.属于行政查询事项 (denied.administrative_query: Denied: administrative query matter) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.denied_administrative_query__commercial_enterprise IS 'Table 3 row 8.属于行政查询事项 (denied.administrative_query: Denied: administrative query matter) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.denied_administrative_query__research_institution IS 'Table 3 row 8.属于行政查询事项 (denied.administrative_query: Denied: administrative query matter) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.denied_administrative_query__public_interest_org IS 'Table 3 row 8.属于行政查询事项 (denied.administrative_query: Denied: administrative query matter) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_administrative_query__legal_service_org IS 'Table 3 row 8.属于行政查询事项 (denied.administrative_query: Denied: administrative query matter) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_administrative_query__other_org IS 'Table 3 row 8.属于行政查询事项 (denied.administrative_query: Denied: administrative query matter) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.denied_administrative_query__total IS 'Table 3 row 8.属于行政查询事项 (denied.administrative_query: Denied: administrative query matter) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.unable_not_held__natural_person IS 'Table 3 row 1.本机关不掌握相关政府信息 (unable.not_held: Unable: agency does not hold the information) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.unable_not_held__commercial_enterprise IS 'Table 3 row 1.本机关不掌握相关政府信息 (unable.not_held: Unable: agency does not hold the information) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.unable_not_held__research_institution IS 'Table 3 row 1.本机关不掌握相关政府信息 (unable.not_held: Unable: agency does not hold the information) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.unable_not_held__public_interest_org IS 'Table 3 row 1.本机关不掌握相关政府信息 (unable.not_held: Unable: agency does not hold the information) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_not_held__legal_service_org IS 'Table 3 row 1.本机关不掌握相关政府信息 (unable.not_held: Unable: agency does not hold the information) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_not_held__other_org IS 'Table 3 row 1.本机关不掌握相关政府信息 (unable.not_held: Unable: agency does not hold the information) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_not_held__total IS 'Table 3 row 1.本机关不掌握相关政府信息 (unable.not_held: Unable: agency does not hold the information) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.unable_needs_creation__natural_person IS 'Table 3 row 2.没有现成信息需要另行制作 (unable.needs_creation: Unable: would need to be newly created) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.unable_needs_creation__commercial_enterprise IS 'Table 3 row 2.没有现成信息需要另行制作 (unable.needs_creation: Unable: would need to be newly created) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.unable_needs_creation__research_institution IS 'Table 3 row 2.没有现成信息需要另行制作 (unable.needs_creation: Unable: would need to be newly created) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.unable_needs_creation__public_interest_org IS 'Table 3 row 2.没有现成信息需要另行制作 (unable.needs_creation: Unable: would need to be newly created) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_needs_creation__legal_service_org IS 'Table 3 row 2.没有现成信息需要另行制作 (unable.needs_creation: Unable: would need to be newly created) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_needs_creation__other_org IS 'Table 3 row 2.没有现成信息需要另行制作 (unable.needs_creation: Unable: would need to be newly created) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_needs_creation__total IS 'Table 3 row 2.没有现成信息需要另行制作 (unable.needs_creation: Unable: would need to be newly created) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.unable_still_unclear__natural_person IS 'Table 3 row 3.补正后申请内容仍不明确 (unable.still_unclear: Unable: still unclear after correction) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.unable_still_unclear__commercial_enterprise IS 'Table 3 row 3.补正后申请内容仍不明确 (unable.still_unclear: Unable: still unclear after correction) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.unable_still_unclear__research_institution IS 'Table 3 row 3.补正后申请内容仍不明确 (unable.still_unclear: Unable: still unclear after correction) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.unable_still_unclear__public_interest_org IS 'Table 3 row 3.补正后申请内容仍不明确 (unable.still_unclear: Unable: still unclear after correction) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_still_unclear__legal_service_org IS 'Table 3 row 3.补正后申请内容仍不明确 (unable.still_unclear: Unable: still unclear after correction) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_still_unclear__other_org IS 'Table 3 row 3.补正后申请内容仍不明确 (unable.still_unclear: Unable: still unclear after correction) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.unable_still_unclear__total IS 'Table 3 row 3.补正后申请内容仍不明确 (unable.still_unclear: Unable: still unclear after correction) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_petition_complaint__natural_person IS 'Table 3 row 1.信访举报投诉类申请 (not_processed.petition_complaint: Not processed: petition or complaint) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_petition_complaint__commercial_enterprise IS 'Table 3 row 1.信访举报投诉类申请 (not_processed.petition_complaint: Not processed: petition or complaint) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_petition_complaint__research_institution IS 'Table 3 row 1.信访举报投诉类申请 (not_processed.petition_complaint: Not processed: petition or complaint) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_petition_complaint__public_interest_org IS 'Table 3 row 1.信访举报投诉类申请 (not_processed.petition_complaint: Not processed: petition or complaint) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_petition_complaint__legal_service_org IS 'Table 3 row 1.信访举报投诉类申请 (not_processed.petition_complaint: Not processed: petition or complaint) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_petition_complaint__other_org IS 'Table 3 row 1.信访举报投诉类申请 (not_processed.petition_complaint: Not processed: petition or complaint) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_petition_complaint__total IS 'Table 3 row 1.信访举报投诉类申请 (not_processed.petition_complaint: Not processed: petition or complaint) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_repeat__natural_person IS 'Table 3 row 2.重复申请 (not_processed.repeat: Not processed: repeat request) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_repeat__commercial_enterprise IS 'Table 3 row 2.重复申请 (not_processed.repeat: Not processed: repeat request) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_repeat__research_institution IS 'Table 3 row 2.重复申请 (not_processed.repeat: Not processed: repeat request) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_repeat__public_interest_org IS 'Table 3 row 2.重复申请 (not_processed.repeat: Not processed: repeat request) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_repeat__legal_service_org IS 'Table 3 row 2.重复申请 (not_processed.repeat: Not processed: repeat request) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_repeat__other_org IS 'Table 3 row 2.重复申请 (not_processed.repeat: Not processed: repeat request) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_repeat__total IS 'Table 3 row 2.重复申请 (not_processed.repeat: Not processed: repeat request) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_publication__natural_person IS 'Table 3 row 3.要求提供公开出版物 (not_processed.publication: Not processed: asks for a publication) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_publication__commercial_enterprise IS 'Table 3 row 3.要求提供公开出版物 (not_processed.publication: Not processed: asks for a publication) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_publication__research_institution IS 'Table 3 row 3.要求提供公开出版物 (not_processed.publication: Not processed: asks for a publication) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_publication__public_interest_org IS 'Table 3 row 3.要求提供公开出版物 (not_processed.publication: Not processed: asks for a publication) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_publication__legal_service_org IS 'Table 3 row 3.要求提供公开出版物 (not_processed.publication: Not processed: asks for a publication) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_publication__other_org IS 'Table 3 row 3.要求提供公开出版物 (not_processed.publication: Not processed: asks for a publication) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_publication__total IS 'Table 3 row 3.要求提供公开出版物 (not_processed.publication: Not processed: asks for a publication) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_mass_repetitive__natural_person IS 'Table 3 row 4.无正当理由大量反复申请 (not_processed.mass_repetitive: Not processed: mass repetitive requests) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_mass_repetitive__commercial_enterprise IS 'Table 3 row 4.无正当理由大量反复申请 (not_processed.mass_repetitive: Not processed: mass repetitive requests) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_mass_repetitive__research_institution IS 'Table 3 row 4.无正当理由大量反复申请 (not_processed.mass_repetitive: Not processed: mass repetitive requests) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_mass_repetitive__public_interest_org IS 'Table 3 row 4.无正当理由大量反复申请 (not_processed.mass_repetitive: Not processed: mass repetitive requests) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_mass_repetitive__legal_service_org IS 'Table 3 row 4.无正当理由大量反复申请 (not_processed.mass_repetitive: Not processed: mass repetitive requests) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_mass_repetitive__other_org IS 'Table 3 row 4.无正当理由大量反复申请 (not_processed.mass_repetitive: Not processed: mass repetitive requests) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_mass_repetitive__total IS 'Table 3 row 4.无正当理由大量反复申请 (not_processed.mass_repetitive: Not processed: mass repetitive requests) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_confirm_or_reissue__natural_person IS 'Table 3 row 5.要求行政机关确认或重新出具已获取信息 (not_processed.confirm_or_reissue: Not processed: confirm or reissue obtained information) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_confirm_or_reissue__commercial_enterprise IS 'Table 3 row 5.要求行政机关确认或重新出具已获取信息 (not_processed.confirm_or_reissue: Not processed: confirm or reissue obtained information) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_confirm_or_reissue__research_institution IS 'Table 3 row 5.要求行政机关确认或重新出具已获取信息 (not_processed.confirm_or_reissue: Not processed: confirm or reissue obtained information) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_confirm_or_reissue__public_interest_org IS 'Table 3 row 5.要求行政机关确认或重新出具已获取信息 (not_processed.confirm_or_reissue: Not processed: confirm or reissue obtained information) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_confirm_or_reissue__legal_service_org IS 'Table 3 row 5.要求行政机关确认或重新出具已获取信息 (not_processed.confirm_or_reissue: Not processed: confirm or reissue obtained information) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_confirm_or_reissue__other_org IS 'Table 3 row 5.要求行政机关确认或重新出具已获取信息 (not_processed.confirm_or_reissue: Not processed: confirm or reissue obtained information) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.not_processed_confirm_or_reissue__total IS 'Table 3 row 5.要求行政机关确认或重新出具已获取信息 (not_processed.confirm_or_reissue: Not processed: confirm or reissue obtained information) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.other__natural_person IS 'Table 3 row （六）其他处理 (other: Other handling (2019 template, single row)) (2019 template only) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.other__commercial_enterprise IS 'Table 3 row （六）其他处理 (other: Other handling (2019 template, single row)) (2019 template only) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.other__research_institution IS 'Table 3 row （六）其他处理 (other: Other handling (2019 template, single row)) (2019 template only) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.other__public_interest_org IS 'Table 3 row （六）其他处理 (other: Other handling (2019 template, single row)) (2019 template only) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.other__legal_service_org IS 'Table 3 row （六）其他处理 (other: Other handling (2019 template, single row)) (2019 template only) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.other__other_org IS 'Table 3 row （六）其他处理 (other: Other handling (2019 template, single row)) (2019 template only) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.other__total IS 'Table 3 row （六）其他处理 (other: Other handling (2019 template, single row)) (2019 template only) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_correction__natural_person IS 'Table 3 row 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (other.overdue_correction: Other: applicant did not correct in time) (2021 template only) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_correction__commercial_enterprise IS 'Table 3 row 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (other.overdue_correction: Other: applicant did not correct in time) (2021 template only) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_correction__research_institution IS 'Table 3 row 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (other.overdue_correction: Other: applicant did not correct in time) (2021 template only) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_correction__public_interest_org IS 'Table 3 row 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (other.overdue_correction: Other: applicant did not correct in time) (2021 template only) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_correction__legal_service_org IS 'Table 3 row 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (other.overdue_correction: Other: applicant did not correct in time) (2021 template only) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_correction__other_org IS 'Table 3 row 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (other.overdue_correction: Other: applicant did not correct in time) (2021 template only) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_correction__total IS 'Table 3 row 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (other.overdue_correction: Other: applicant did not correct in time) (2021 template only) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_fee__natural_person IS 'Table 3 row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (other.overdue_fee: Other: applicant did not pay the fee in time) (2021 template only) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_fee__commercial_enterprise IS 'Table 3 row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (other.overdue_fee: Other: applicant did not pay the fee in time) (2021 template only) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_fee__research_institution IS 'Table 3 row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (other.overdue_fee: Other: applicant did not pay the fee in time) (2021 template only) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_fee__public_interest_org IS 'Table 3 row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (other.overdue_fee: Other: applicant did not pay the fee in time) (2021 template only) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_fee__legal_service_org IS 'Table 3 row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (other.overdue_fee: Other: applicant did not pay the fee in time) (2021 template only) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_fee__other_org IS 'Table 3 row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (other.overdue_fee: Other: applicant did not pay the fee in time) (2021 template only) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.other_overdue_fee__total IS 'Table 3 row 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 (other.overdue_fee: Other: applicant did not pay the fee in time) (2021 template only) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.other_other__natural_person IS 'Table 3 row 3.其他 (other.other: Other: other) (2021 template only) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.other_other__commercial_enterprise IS 'Table 3 row 3.其他 (other.other: Other: other) (2021 template only) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.other_other__research_institution IS 'Table 3 row 3.其他 (other.other: Other: other) (2021 template only) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.other_other__public_interest_org IS 'Table 3 row 3.其他 (other.other: Other: other) (2021 template only) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.other_other__legal_service_org IS 'Table 3 row 3.其他 (other.other: Other: other) (2021 template only) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.other_other__other_org IS 'Table 3 row 3.其他 (other.other: Other: other) (2021 template only) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.other_other__total IS 'Table 3 row 3.其他 (other.other: Other: other) (2021 template only) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.total_processed__natural_person IS 'Table 3 row （七）总计 (total_processed: Total processed this year) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.total_processed__commercial_enterprise IS 'Table 3 row （七）总计 (total_processed: Total processed this year) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.total_processed__research_institution IS 'Table 3 row （七）总计 (total_processed: Total processed this year) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.total_processed__public_interest_org IS 'Table 3 row （七）总计 (total_processed: Total processed this year) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.total_processed__legal_service_org IS 'Table 3 row （七）总计 (total_processed: Total processed this year) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.total_processed__other_org IS 'Table 3 row （七）总计 (total_processed: Total processed this year) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.total_processed__total IS 'Table 3 row （七）总计 (total_processed: Total processed this year) × column 总计 (total).';
COMMENT ON COLUMN analytics.table3_wide.carried_forward__natural_person IS 'Table 3 row 四、结转下年度继续办理 (carried_forward: Carried forward to next year) × column 自然人 (natural_person).';
COMMENT ON COLUMN analytics.table3_wide.carried_forward__commercial_enterprise IS 'Table 3 row 四、结转下年度继续办理 (carried_forward: Carried forward to next year) × column 商业企业 (commercial_enterprise).';
COMMENT ON COLUMN analytics.table3_wide.carried_forward__research_institution IS 'Table 3 row 四、结转下年度继续办理 (carried_forward: Carried forward to next year) × column 科研机构 (research_institution).';
COMMENT ON COLUMN analytics.table3_wide.carried_forward__public_interest_org IS 'Table 3 row 四、结转下年度继续办理 (carried_forward: Carried forward to next year) × column 社会公益组织 (public_interest_org).';
COMMENT ON COLUMN analytics.table3_wide.carried_forward__legal_service_org IS 'Table 3 row 四、结转下年度继续办理 (carried_forward: Carried forward to next year) × column 法律服务机构 (legal_service_org).';
COMMENT ON COLUMN analytics.table3_wide.carried_forward__other_org IS 'Table 3 row 四、结转下年度继续办理 (carried_forward: Carried forward to next year) × column 其他 (other_org).';
COMMENT ON COLUMN analytics.table3_wide.carried_forward__total IS 'Table 3 row 四、结转下年度继续办理 (carried_forward: Carried forward to next year) × column 总计 (total).';
