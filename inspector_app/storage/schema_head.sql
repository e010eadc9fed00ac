-- inspector_app local store, head revision: 0012_evidence
BEGIN TRANSACTION;
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO "alembic_version" VALUES('0012_evidence');
CREATE TABLE answers (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	template_hash VARCHAR(64) NOT NULL, 
	item_id VARCHAR(40) NOT NULL, 
	position INTEGER NOT NULL, 
	value TEXT, 
	verdict VARCHAR(20), 
	note TEXT NOT NULL, 
	state VARCHAR(20) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	server_version INTEGER, 
	CONSTRAINT pk_answers PRIMARY KEY (id), 
	CONSTRAINT fk_answers_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id), 
	CONSTRAINT fk_answers_template_hash_template_versions FOREIGN KEY(template_hash) REFERENCES template_versions (content_hash), 
	CONSTRAINT uq_answers_inspection_id UNIQUE (inspection_id, template_hash, item_id)
);
CREATE TABLE blob_local (
	sha256 VARCHAR(64) NOT NULL, 
	size INTEGER NOT NULL, 
	rel_path VARCHAR(200) NOT NULL, 
	upload_status VARCHAR(12) NOT NULL, 
	upload_offset INTEGER NOT NULL, 
	attempts INTEGER NOT NULL, 
	next_attempt_at VARCHAR(32), 
	last_error TEXT, 
	created_at VARCHAR(32) NOT NULL, 
	CONSTRAINT pk_blob_local PRIMARY KEY (sha256)
);
CREATE TABLE campaign_institutions (
	campaign_id VARCHAR(36) NOT NULL, 
	institution_id VARCHAR(36) NOT NULL, 
	CONSTRAINT pk_campaign_institutions PRIMARY KEY (campaign_id, institution_id), 
	CONSTRAINT fk_campaign_institutions_campaign_id_campaigns FOREIGN KEY(campaign_id) REFERENCES campaigns (id), 
	CONSTRAINT fk_campaign_institutions_institution_id_institutions FOREIGN KEY(institution_id) REFERENCES institutions (id)
);
CREATE TABLE campaigns (
	id VARCHAR(36) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	scope TEXT NOT NULL, 
	phases TEXT NOT NULL, 
	items TEXT NOT NULL, 
	self_check_deadline DATE NOT NULL, 
	created_by VARCHAR(100) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	CONSTRAINT pk_campaigns PRIMARY KEY (id)
);
CREATE TABLE conflicts_local (
	conflict_id VARCHAR(64) NOT NULL, 
	entity VARCHAR(40) NOT NULL, 
	entity_id VARCHAR(200) NOT NULL, 
	field VARCHAR(80), 
	kind VARCHAR(40) NOT NULL, 
	base_value TEXT, 
	server_value TEXT, 
	client_value TEXT, 
	payload TEXT, 
	reason TEXT, 
	mutation_id VARCHAR(64), 
	status VARCHAR(12) NOT NULL, 
	resolution_mutation VARCHAR(64), 
	seq INTEGER, 
	CONSTRAINT pk_conflicts_local PRIMARY KEY (conflict_id)
);
CREATE TABLE document_counters (
	doc_type VARCHAR(40) NOT NULL, 
	year INTEGER NOT NULL, 
	last_number INTEGER NOT NULL, 
	CONSTRAINT pk_document_counters PRIMARY KEY (doc_type, year)
);
CREATE TABLE documents (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	number VARCHAR(60) NOT NULL, 
	content_hash VARCHAR(64) NOT NULL, 
	pdf_sha256 VARCHAR(64) NOT NULL, 
	signed_fields TEXT NOT NULL, 
	pending_fields TEXT NOT NULL, 
	payload TEXT, 
	server_version INTEGER, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	deleted_at VARCHAR(32), 
	CONSTRAINT pk_documents PRIMARY KEY (id), 
	CONSTRAINT fk_documents_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id), 
	CONSTRAINT uq_documents_kind UNIQUE (kind, number)
);
CREATE TABLE draws (
	id VARCHAR(36) NOT NULL, 
	plan_item_id VARCHAR(36) NOT NULL, 
	round_no INTEGER NOT NULL, 
	attempt INTEGER NOT NULL, 
	status VARCHAR(10) NOT NULL, 
	seed VARCHAR(64) NOT NULL, 
	algorithm VARCHAR(20) NOT NULL, 
	planned_on DATE NOT NULL, 
	cross_check BOOLEAN NOT NULL, 
	rules TEXT NOT NULL, 
	pool TEXT, 
	pool_hash VARCHAR(64), 
	result TEXT, 
	reason TEXT NOT NULL, 
	record_sha256 VARCHAR(64), 
	created_by VARCHAR(100) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	drawn_at VARCHAR(32), 
	decided_at VARCHAR(32), 
	server_version INTEGER, 
	CONSTRAINT pk_draws PRIMARY KEY (id), 
	CONSTRAINT fk_draws_plan_item_id_plan_items FOREIGN KEY(plan_item_id) REFERENCES plan_items (id), 
	CONSTRAINT uq_draws_plan_item_id UNIQUE (plan_item_id, round_no, attempt)
);
CREATE TABLE evidence (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	measure VARCHAR(10) NOT NULL, 
	caption TEXT NOT NULL, 
	captured_at VARCHAR(32), 
	source_name VARCHAR(300) NOT NULL, 
	mime VARCHAR(80) NOT NULL, 
	size INTEGER NOT NULL, 
	meta TEXT, 
	server_version INTEGER, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	deleted_at VARCHAR(32), reinspection_id VARCHAR(36), seizure_id VARCHAR(36), evidence_type VARCHAR(20) DEFAULT '' NOT NULL, provider VARCHAR(100) DEFAULT '' NOT NULL, page_count INTEGER, 
	CONSTRAINT pk_evidence PRIMARY KEY (id), 
	CONSTRAINT fk_evidence_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id), 
	CONSTRAINT uq_evidence_inspection_id UNIQUE (inspection_id, sha256)
);
CREATE TABLE evidence_confirmations (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	refused BOOLEAN NOT NULL, 
	signer_name VARCHAR(100) NOT NULL, 
	refusal_reason TEXT NOT NULL, 
	list_digest VARCHAR(64) NOT NULL, 
	confirmed_at VARCHAR(32) NOT NULL, 
	server_version INTEGER, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	deleted_at VARCHAR(32), 
	CONSTRAINT pk_evidence_confirmations PRIMARY KEY (id), 
	CONSTRAINT fk_evidence_confirmations_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id), 
	CONSTRAINT uq_evidence_confirmations_inspection_id UNIQUE (inspection_id)
);
CREATE TABLE evidence_links (
	id VARCHAR(36) NOT NULL, 
	evidence_id VARCHAR(36) NOT NULL, 
	target_type VARCHAR(10) NOT NULL, 
	target_id VARCHAR(36) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	deleted_at VARCHAR(32), 
	CONSTRAINT pk_evidence_links PRIMARY KEY (id), 
	CONSTRAINT fk_evidence_links_evidence_id_evidence FOREIGN KEY(evidence_id) REFERENCES evidence (id), 
	CONSTRAINT uq_evidence_links_evidence_id UNIQUE (evidence_id, target_type, target_id)
);
CREATE TABLE findings (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	answer_id VARCHAR(36), 
	item_id VARCHAR(40), 
	description TEXT NOT NULL, 
	severity VARCHAR(10) NOT NULL, 
	amount_involved VARCHAR(24) NOT NULL, 
	amount_to_recover VARCHAR(24) NOT NULL, 
	legal_basis TEXT NOT NULL, 
	penalty_article TEXT NOT NULL, 
	server_version INTEGER, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	deleted_at VARCHAR(32), 
	CONSTRAINT pk_findings PRIMARY KEY (id), 
	CONSTRAINT fk_findings_answer_id_answers FOREIGN KEY(answer_id) REFERENCES answers (id), 
	CONSTRAINT fk_findings_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id)
);
CREATE TABLE inquiries (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	document_id VARCHAR(36) NOT NULL, 
	number VARCHAR(60) NOT NULL, 
	role VARCHAR(10) NOT NULL, 
	person_name VARCHAR(100) NOT NULL, 
	content TEXT NOT NULL, 
	refused BOOLEAN NOT NULL, 
	started_at VARCHAR(32) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	CONSTRAINT pk_inquiries PRIMARY KEY (id), 
	CONSTRAINT fk_inquiries_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id)
);
CREATE TABLE inspection_templates (
	inspection_id VARCHAR(36) NOT NULL, 
	template_hash VARCHAR(64) NOT NULL, 
	position INTEGER NOT NULL, 
	CONSTRAINT pk_inspection_templates PRIMARY KEY (inspection_id, template_hash), 
	CONSTRAINT fk_inspection_templates_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id), 
	CONSTRAINT fk_inspection_templates_template_hash_template_versions FOREIGN KEY(template_hash) REFERENCES template_versions (content_hash)
);
CREATE TABLE inspections (
	id VARCHAR(36) NOT NULL, 
	institution_id VARCHAR(36) NOT NULL, 
	inspection_type VARCHAR(20) NOT NULL, 
	mode VARCHAR(20) NOT NULL, 
	place VARCHAR(300) NOT NULL, 
	planned_at VARCHAR(32) NOT NULL, 
	started_at VARCHAR(32), 
	ended_at VARCHAR(32), 
	period_from DATE, 
	period_to DATE, 
	status VARCHAR(24) NOT NULL, 
	content_hash VARCHAR(64), 
	created_by VARCHAR(100) NOT NULL, 
	server_version INTEGER, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	deleted_at VARCHAR(32), record_number VARCHAR(60), 
	CONSTRAINT pk_inspections PRIMARY KEY (id), 
	CONSTRAINT fk_inspections_institution_id_institutions FOREIGN KEY(institution_id) REFERENCES institutions (id)
);
CREATE TABLE institutions (
	id VARCHAR(36) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	category VARCHAR(20) NOT NULL, 
	level VARCHAR(10) NOT NULL, 
	ownership VARCHAR(10) NOT NULL, 
	credit_code VARCHAR(18) NOT NULL, 
	designation_code VARCHAR(32) NOT NULL, 
	address VARCHAR(300) NOT NULL, 
	legal_representative VARCHAR(100) NOT NULL, 
	phone VARCHAR(40) NOT NULL, 
	region VARCHAR(100) NOT NULL, 
	credit_rating VARCHAR(4), 
	complaint_count INTEGER NOT NULL, 
	server_version INTEGER, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	deleted_at VARCHAR(32), 
	CONSTRAINT pk_institutions PRIMARY KEY (id), 
	CONSTRAINT uq_institutions_credit_code UNIQUE (credit_code)
);
CREATE TABLE journal_events (
	id INTEGER NOT NULL, 
	chain_id VARCHAR(36) NOT NULL, 
	seq INTEGER NOT NULL, 
	at VARCHAR(40) NOT NULL, 
	actor VARCHAR(100) NOT NULL, 
	device VARCHAR(200) NOT NULL, 
	event_type VARCHAR(60) NOT NULL, 
	payload TEXT NOT NULL, 
	prev_hash VARCHAR(64) NOT NULL, 
	hash VARCHAR(64) NOT NULL, 
	CONSTRAINT pk_journal_events PRIMARY KEY (id), 
	CONSTRAINT uq_journal_events_chain_id UNIQUE (chain_id, seq)
);
CREATE TABLE lead_imports (
	id VARCHAR(36) NOT NULL, 
	source_id VARCHAR(36) NOT NULL, 
	file_name VARCHAR(260) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	sheet VARCHAR(100) NOT NULL, 
	rows INTEGER NOT NULL, 
	ignored_columns TEXT NOT NULL, 
	imported_by VARCHAR(100) NOT NULL, 
	imported_at VARCHAR(32) NOT NULL, 
	first_line_id INTEGER, 
	last_line_id INTEGER, 
	CONSTRAINT pk_lead_imports PRIMARY KEY (id), 
	CONSTRAINT fk_lead_imports_source_id_lead_sources FOREIGN KEY(source_id) REFERENCES lead_sources (id), 
	CONSTRAINT uq_lead_imports_sha256 UNIQUE (sha256)
);
CREATE TABLE lead_lines (
	id INTEGER NOT NULL, 
	import_id VARCHAR(36) NOT NULL, 
	row_no INTEGER NOT NULL, 
	row_key INTEGER NOT NULL, 
	settlement_no VARCHAR(200) NOT NULL, 
	institution_code VARCHAR(200) NOT NULL, 
	patient_hash VARCHAR(32) NOT NULL, 
	patient_masked VARCHAR(200) NOT NULL, 
	admitted_on VARCHAR(10) NOT NULL, 
	discharged_on VARCHAR(10) NOT NULL, 
	institution_name VARCHAR(200), 
	diagnosis VARCHAR(200), 
	total_fen INTEGER, 
	item_code VARCHAR(200), 
	item_name VARCHAR(200), 
	quantity_milli INTEGER, 
	unit_price_fen INTEGER, 
	amount_fen INTEGER, 
	fee_date VARCHAR(10), 
	rule_hit VARCHAR(200), 
	CONSTRAINT pk_lead_lines PRIMARY KEY (id), 
	CONSTRAINT fk_lead_lines_import_id_lead_imports FOREIGN KEY(import_id) REFERENCES lead_imports (id)
);
CREATE TABLE lead_settings (
	id INTEGER NOT NULL, 
	patient_key VARCHAR(64) NOT NULL, 
	CONSTRAINT pk_lead_settings PRIMARY KEY (id)
);
CREATE TABLE lead_sources (
	id VARCHAR(36) NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	mapping TEXT NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	CONSTRAINT pk_lead_sources PRIMARY KEY (id), 
	CONSTRAINT uq_lead_sources_name UNIQUE (name)
);
CREATE TABLE "leads" (
	id VARCHAR(36) NOT NULL, 
	import_id VARCHAR(36), 
	rule VARCHAR(40) NOT NULL, 
	institution_code VARCHAR(200) NOT NULL, 
	institution_id VARCHAR(36), 
	settlement_no VARCHAR(200) NOT NULL, 
	patient_hash VARCHAR(32) NOT NULL, 
	patient_masked VARCHAR(200) NOT NULL, 
	amount_fen INTEGER NOT NULL, 
	detail TEXT NOT NULL, 
	status VARCHAR(16) NOT NULL, 
	note TEXT NOT NULL, 
	inspection_id VARCHAR(36), 
	finding_id VARCHAR(36), 
	campaign_item VARCHAR(80), 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	CONSTRAINT pk_leads PRIMARY KEY (id), 
	CONSTRAINT fk_leads_import_id_lead_imports FOREIGN KEY(import_id) REFERENCES lead_imports (id)
);
CREATE TABLE officer_conflicts (
	id VARCHAR(36) NOT NULL, 
	officer_id VARCHAR(36) NOT NULL, 
	institution_id VARCHAR(36) NOT NULL, 
	reason TEXT NOT NULL, 
	server_version INTEGER, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	deleted_at VARCHAR(32), 
	CONSTRAINT pk_officer_conflicts PRIMARY KEY (id), 
	CONSTRAINT fk_officer_conflicts_institution_id_institutions FOREIGN KEY(institution_id) REFERENCES institutions (id), 
	CONSTRAINT fk_officer_conflicts_officer_id_officers FOREIGN KEY(officer_id) REFERENCES officers (id), 
	CONSTRAINT uq_officer_conflicts_officer_id UNIQUE (officer_id, institution_id)
);
CREATE TABLE officers (
	id VARCHAR(36) NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	department VARCHAR(200) NOT NULL, 
	certificate_no VARCHAR(40) NOT NULL, 
	certificate_expiry DATE NOT NULL, 
	role VARCHAR(20) NOT NULL, 
	server_version INTEGER, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	deleted_at VARCHAR(32), region VARCHAR(100) DEFAULT '' NOT NULL, 
	CONSTRAINT pk_officers PRIMARY KEY (id), 
	CONSTRAINT uq_officers_certificate_no UNIQUE (certificate_no)
);
CREATE TABLE outbox (
	client_seq INTEGER NOT NULL, 
	mutation_id VARCHAR(36) NOT NULL, 
	entity VARCHAR(40) NOT NULL, 
	entity_id VARCHAR(36) NOT NULL, 
	op VARCHAR(20) NOT NULL, 
	base_version INTEGER, 
	payload TEXT NOT NULL, 
	hlc VARCHAR(80) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	status VARCHAR(12) NOT NULL, 
	outcome TEXT, 
	server_version INTEGER, 
	acked_at VARCHAR(32), 
	CONSTRAINT pk_outbox PRIMARY KEY (client_seq), 
	CONSTRAINT uq_outbox_mutation_id UNIQUE (mutation_id)
);
CREATE TABLE outcomes (
	inspection_id VARCHAR(36) NOT NULL, 
	outcome VARCHAR(20) NOT NULL, 
	refund_amount VARCHAR(24) NOT NULL, 
	fine_amount VARCHAR(24) NOT NULL, 
	articles TEXT NOT NULL, 
	note TEXT NOT NULL, 
	decided_by VARCHAR(100) NOT NULL, 
	decided_at VARCHAR(32) NOT NULL, 
	server_version INTEGER, 
	CONSTRAINT pk_outcomes PRIMARY KEY (inspection_id), 
	CONSTRAINT fk_outcomes_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id)
);
CREATE TABLE party_signoffs (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	document_kind VARCHAR(20) NOT NULL, 
	refused BOOLEAN NOT NULL, 
	signer_name VARCHAR(100) NOT NULL, 
	title VARCHAR(100) NOT NULL, 
	id_number VARCHAR(40) NOT NULL, 
	phone VARCHAR(40) NOT NULL, 
	opinion TEXT NOT NULL, 
	recusal_answer TEXT NOT NULL, 
	refusal_reason TEXT NOT NULL, 
	witness_name VARCHAR(100) NOT NULL, 
	witness_id_number VARCHAR(40) NOT NULL, 
	witness_relation VARCHAR(100) NOT NULL, 
	officer_note TEXT NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	server_version INTEGER, 
	CONSTRAINT pk_party_signoffs PRIMARY KEY (id), 
	CONSTRAINT fk_party_signoffs_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id), 
	CONSTRAINT uq_party_signoffs_inspection_id UNIQUE (inspection_id, document_kind)
);
CREATE TABLE plan_item_inspections (
	inspection_id VARCHAR(36) NOT NULL, 
	plan_item_id VARCHAR(36) NOT NULL, 
	draw_id VARCHAR(36), 
	created_at VARCHAR(32) NOT NULL, 
	CONSTRAINT pk_plan_item_inspections PRIMARY KEY (inspection_id), 
	CONSTRAINT fk_plan_item_inspections_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id), 
	CONSTRAINT fk_plan_item_inspections_plan_item_id_plan_items FOREIGN KEY(plan_item_id) REFERENCES plan_items (id)
);
CREATE TABLE plan_items (
	id VARCHAR(36) NOT NULL, 
	plan_id VARCHAR(36) NOT NULL, 
	"key" VARCHAR(40) NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	content TEXT NOT NULL, 
	requirements TEXT NOT NULL, 
	scope TEXT NOT NULL, 
	target_kind VARCHAR(8) NOT NULL, 
	target_value VARCHAR(12) NOT NULL, 
	frequency INTEGER NOT NULL, 
	window_start DATE NOT NULL, 
	window_end DATE NOT NULL, 
	division VARCHAR(200) NOT NULL, 
	templates TEXT NOT NULL, 
	inspection_type VARCHAR(20) NOT NULL, 
	server_version INTEGER, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	deleted_at VARCHAR(32), 
	CONSTRAINT pk_plan_items PRIMARY KEY (id), 
	CONSTRAINT fk_plan_items_plan_id_plans FOREIGN KEY(plan_id) REFERENCES plans (id), 
	CONSTRAINT uq_plan_items_plan_id UNIQUE (plan_id, "key")
);
CREATE TABLE plans (
	id VARCHAR(36) NOT NULL, 
	"key" VARCHAR(40) NOT NULL, 
	kind VARCHAR(12) NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	year INTEGER NOT NULL, 
	status VARCHAR(12) NOT NULL, 
	issuer VARCHAR(200) NOT NULL, 
	document_no VARCHAR(100) NOT NULL, 
	window_start DATE NOT NULL, 
	window_end DATE NOT NULL, 
	filing_due DATE, 
	summary_due DATE, 
	phases TEXT NOT NULL, 
	source_hash VARCHAR(64) NOT NULL, 
	server_version INTEGER, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	deleted_at VARCHAR(32), 
	CONSTRAINT pk_plans PRIMARY KEY (id), 
	CONSTRAINT uq_plans_key UNIQUE ("key")
);
CREATE TABLE recordings (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	evidence_id VARCHAR(36) NOT NULL, 
	media VARCHAR(10) NOT NULL, 
	recorded_by VARCHAR(36) NOT NULL, 
	stage VARCHAR(20) NOT NULL, 
	duration_ms INTEGER, 
	captured_at VARCHAR(32), 
	note TEXT NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	CONSTRAINT pk_recordings PRIMARY KEY (id), 
	CONSTRAINT fk_recordings_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id)
);
CREATE TABLE rectifications (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	notice_document_id VARCHAR(36), 
	deadline DATE NOT NULL, 
	result VARCHAR(10), 
	reinspected_at VARCHAR(32), 
	reinspection_note TEXT NOT NULL, 
	reinspection_evidence TEXT NOT NULL, 
	voluntary_refund VARCHAR(24) NOT NULL, 
	voluntary_refund_on DATE, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	server_version INTEGER, 
	CONSTRAINT pk_rectifications PRIMARY KEY (id), 
	CONSTRAINT fk_rectifications_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id)
);
CREATE TABLE reinspections (
	id VARCHAR(36) NOT NULL, 
	rectification_id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	officer_ids TEXT NOT NULL, 
	place TEXT NOT NULL, 
	visited_at VARCHAR(32) NOT NULL, 
	result VARCHAR(10), 
	note TEXT NOT NULL, 
	number VARCHAR(60), 
	content_hash VARCHAR(64), 
	document_id VARCHAR(36), 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	server_version INTEGER, 
	CONSTRAINT pk_reinspections PRIMARY KEY (id), 
	CONSTRAINT fk_reinspections_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id), 
	CONSTRAINT fk_reinspections_rectification_id_rectifications FOREIGN KEY(rectification_id) REFERENCES rectifications (id)
);
CREATE TABLE review_events (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	kind VARCHAR(12) NOT NULL, 
	finding_id VARCHAR(36), 
	text TEXT NOT NULL, 
	content_hash VARCHAR(64), 
	author VARCHAR(100) NOT NULL, 
	author_officer_id VARCHAR(36), 
	created_at VARCHAR(32) NOT NULL, 
	server_version INTEGER, 
	CONSTRAINT pk_review_events PRIMARY KEY (id), 
	CONSTRAINT fk_review_events_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id)
);
CREATE TABLE seizures (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	document_id VARCHAR(36) NOT NULL, 
	number VARCHAR(60) NOT NULL, 
	measure VARCHAR(20) NOT NULL, 
	items INTEGER NOT NULL, 
	started_at VARCHAR(32) NOT NULL, 
	due_on DATE NOT NULL, 
	extended BOOLEAN NOT NULL, 
	extension_reason TEXT NOT NULL, 
	extended_at VARCHAR(32), 
	closed VARCHAR(20) NOT NULL, 
	closed_note TEXT NOT NULL, 
	closed_at VARCHAR(32), 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	CONSTRAINT pk_seizures PRIMARY KEY (id), 
	CONSTRAINT fk_seizures_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id)
);
CREATE TABLE selfcheck_problems (
	id VARCHAR(36) NOT NULL, 
	return_id VARCHAR(36) NOT NULL, 
	row_no INTEGER NOT NULL, 
	item_id VARCHAR(80) NOT NULL, 
	description TEXT NOT NULL, 
	amount_fen INTEGER NOT NULL, 
	refunded_fen INTEGER NOT NULL, 
	refunded_on DATE, 
	receipt_no VARCHAR(100) NOT NULL, 
	measures TEXT NOT NULL, 
	CONSTRAINT pk_selfcheck_problems PRIMARY KEY (id), 
	CONSTRAINT fk_selfcheck_problems_return_id_selfcheck_returns FOREIGN KEY(return_id) REFERENCES selfcheck_returns (id)
);
CREATE TABLE selfcheck_returns (
	id VARCHAR(36) NOT NULL, 
	campaign_id VARCHAR(36) NOT NULL, 
	institution_id VARCHAR(36) NOT NULL, 
	file_name VARCHAR(260) NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	source VARCHAR(200) NOT NULL, 
	received_on DATE NOT NULL, 
	late BOOLEAN NOT NULL, 
	committed_by VARCHAR(100) NOT NULL, 
	committed_on DATE, 
	imported_by VARCHAR(100) NOT NULL, 
	imported_at VARCHAR(32) NOT NULL, 
	CONSTRAINT pk_selfcheck_returns PRIMARY KEY (id), 
	CONSTRAINT fk_selfcheck_returns_campaign_id_campaigns FOREIGN KEY(campaign_id) REFERENCES campaigns (id), 
	CONSTRAINT fk_selfcheck_returns_institution_id_institutions FOREIGN KEY(institution_id) REFERENCES institutions (id), 
	CONSTRAINT uq_selfcheck_returns_campaign_id UNIQUE (campaign_id, institution_id)
);
CREATE TABLE service_receipts (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	document_id VARCHAR(36) NOT NULL, 
	served_document_id VARCHAR(36) NOT NULL, 
	number VARCHAR(60) NOT NULL, 
	method VARCHAR(10) NOT NULL, 
	served_at VARCHAR(32) NOT NULL, 
	receiver_signed BOOLEAN NOT NULL, 
	content TEXT NOT NULL, 
	note TEXT NOT NULL, 
	created_at VARCHAR(32) NOT NULL, photo_sha256 VARCHAR(64), 
	CONSTRAINT pk_service_receipts PRIMARY KEY (id), 
	CONSTRAINT fk_service_receipts_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id)
);
CREATE TABLE signature_captures (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	document_kind VARCHAR(20) NOT NULL, 
	role VARCHAR(12) NOT NULL, 
	officer_id VARCHAR(36), 
	signer_name VARCHAR(100) NOT NULL, 
	strokes TEXT NOT NULL, 
	png_sha256 VARCHAR(64) NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	server_version INTEGER, 
	CONSTRAINT pk_signature_captures PRIMARY KEY (id), 
	CONSTRAINT fk_signature_captures_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id)
);
CREATE TABLE sync_meta (
	"key" VARCHAR(64) NOT NULL, 
	value TEXT, 
	CONSTRAINT pk_sync_meta PRIMARY KEY ("key")
);
CREATE TABLE sync_records (
	entity VARCHAR(40) NOT NULL, 
	entity_id VARCHAR(200) NOT NULL, 
	server_version INTEGER, 
	server_data TEXT, 
	server_state VARCHAR(12), 
	deleted BOOLEAN NOT NULL, 
	has_open_conflict BOOLEAN NOT NULL, 
	team_id VARCHAR(64), 
	parent_id VARCHAR(200), 
	content_hash VARCHAR(64), 
	seq INTEGER, 
	materialized BOOLEAN NOT NULL, 
	materialize_error TEXT, 
	CONSTRAINT pk_sync_records PRIMARY KEY (entity, entity_id)
);
CREATE TABLE sync_state (
	id INTEGER NOT NULL, 
	client_id VARCHAR(36) NOT NULL, 
	device_name VARCHAR(200) NOT NULL, 
	server_epoch VARCHAR(64), 
	pull_cursor INTEGER NOT NULL, 
	next_client_seq INTEGER NOT NULL, 
	scope_hash VARCHAR(64), 
	hlc VARCHAR(80), 
	CONSTRAINT pk_sync_state PRIMARY KEY (id)
);
CREATE TABLE team_members (
	id VARCHAR(36) NOT NULL, 
	inspection_id VARCHAR(36) NOT NULL, 
	officer_id VARCHAR(36) NOT NULL, 
	role VARCHAR(20) NOT NULL, 
	credentials_shown_at VARCHAR(32), 
	recusal_declared_at VARCHAR(32), 
	has_conflict BOOLEAN, 
	conflict_note TEXT NOT NULL, 
	server_version INTEGER, 
	created_at VARCHAR(32) NOT NULL, 
	updated_at VARCHAR(32) NOT NULL, 
	deleted_at VARCHAR(32), 
	CONSTRAINT pk_team_members PRIMARY KEY (id), 
	CONSTRAINT fk_team_members_inspection_id_inspections FOREIGN KEY(inspection_id) REFERENCES inspections (id), 
	CONSTRAINT fk_team_members_officer_id_officers FOREIGN KEY(officer_id) REFERENCES officers (id), 
	CONSTRAINT uq_team_members_inspection_id UNIQUE (inspection_id, officer_id)
);
CREATE TABLE template_versions (
	content_hash VARCHAR(64) NOT NULL, 
	template_id VARCHAR(80) NOT NULL, 
	version VARCHAR(40) NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	source TEXT NOT NULL, 
	created_at VARCHAR(32) NOT NULL, 
	CONSTRAINT pk_template_versions PRIMARY KEY (content_hash)
);
CREATE TABLE workspace_settings (
	"key" VARCHAR(80) NOT NULL, 
	value TEXT NOT NULL, 
	CONSTRAINT pk_workspace_settings PRIMARY KEY ("key")
);
CREATE INDEX ix_journal_events_chain_id ON journal_events (chain_id);
CREATE INDEX outbox_pending ON outbox (status, client_seq);
CREATE INDEX ix_template_versions_template_id ON template_versions (template_id);
CREATE INDEX ix_inspections_institution_id ON inspections (institution_id);
CREATE INDEX ix_inspections_status ON inspections (status);
CREATE INDEX ix_answers_inspection_id ON answers (inspection_id);
CREATE INDEX ix_evidence_inspection_id ON evidence (inspection_id);
CREATE INDEX ix_evidence_sha256 ON evidence (sha256);
CREATE INDEX ix_team_members_inspection_id ON team_members (inspection_id);
CREATE INDEX ix_evidence_links_evidence_id ON evidence_links (evidence_id);
CREATE INDEX ix_evidence_links_target_id ON evidence_links (target_id);
CREATE INDEX ix_findings_inspection_id ON findings (inspection_id);
CREATE INDEX ix_answers_inspection_state ON answers (inspection_id, state);
CREATE INDEX ix_outbox_entity ON outbox (entity, entity_id);
CREATE INDEX ix_blob_local_status ON blob_local (upload_status);
CREATE INDEX ix_conflicts_local_record ON conflicts_local (entity, entity_id);
CREATE INDEX ix_conflicts_local_status ON conflicts_local (status);
CREATE INDEX ix_sync_records_parent ON sync_records (parent_id);
CREATE INDEX ix_sync_records_unmaterialized ON sync_records (materialized);
CREATE INDEX ix_documents_inspection_id ON documents (inspection_id);
CREATE INDEX ix_signature_captures_inspection_id ON signature_captures (inspection_id);
CREATE INDEX ix_party_signoffs_inspection_id ON party_signoffs (inspection_id);
CREATE INDEX ix_review_events_inspection_id ON review_events (inspection_id);
CREATE INDEX ix_rectifications_inspection_id ON rectifications (inspection_id);
CREATE INDEX ix_reinspections_inspection_id ON reinspections (inspection_id);
CREATE INDEX ix_reinspections_rectification_id ON reinspections (rectification_id);
CREATE INDEX ix_evidence_reinspection_id ON evidence (reinspection_id);
CREATE INDEX ix_inquiries_inspection_id ON inquiries (inspection_id);
CREATE INDEX ix_service_receipts_inspection_id ON service_receipts (inspection_id);
CREATE INDEX ix_service_receipts_served_document_id ON service_receipts (served_document_id);
CREATE INDEX ix_plans_status ON plans (status);
CREATE INDEX ix_officer_conflicts_institution_id ON officer_conflicts (institution_id);
CREATE INDEX ix_officer_conflicts_officer_id ON officer_conflicts (officer_id);
CREATE INDEX ix_plan_items_plan_id ON plan_items (plan_id);
CREATE INDEX ix_draws_plan_item_id ON draws (plan_item_id);
CREATE INDEX ix_plan_item_inspections_draw_id ON plan_item_inspections (draw_id);
CREATE INDEX ix_plan_item_inspections_plan_item_id ON plan_item_inspections (plan_item_id);
CREATE INDEX ix_lead_imports_source_id ON lead_imports (source_id);
CREATE INDEX ix_selfcheck_returns_campaign_id ON selfcheck_returns (campaign_id);
CREATE INDEX ix_selfcheck_returns_institution_id ON selfcheck_returns (institution_id);
CREATE INDEX ix_selfcheck_problems_return_id ON selfcheck_problems (return_id);
CREATE INDEX ix_seizures_inspection_id ON seizures (inspection_id);
CREATE INDEX ix_recordings_inspection_id ON recordings (inspection_id);
CREATE INDEX ix_recordings_evidence_id ON recordings (evidence_id);
CREATE INDEX ix_evidence_seizure_id ON evidence (seizure_id);
CREATE INDEX ix_leads_import_id ON leads (import_id);
CREATE INDEX ix_leads_institution_code ON leads (institution_code);
CREATE INDEX ix_leads_institution_id ON leads (institution_id);
COMMIT;
