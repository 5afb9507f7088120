-- check: failed_documents
-- severity: warn
-- description: Documents that could not be decoded or parsed; their first error says what to do.
-- Grain of the offending rows: document.
SELECT
    document_id,
    document_path,
    first_error_code,
    first_error_message
FROM analytics.document_coverage
WHERE is_failed
