-- llm-client's persistent cache, in every service that calls an LLM (listed in its quarkus.flyway.locations).
-- Generated from the entities by Hibernate (PostgreSQL dialect) and kept as written; ${text} is the unbounded text
-- type of the database (text on PostgreSQL, clob on H2: platform microprofile-config.properties); ${text_definition}
-- is a column the entity declares as columnDefinition = "text" (text on PostgreSQL, character varying on H2).
create table llm_completion (completion_tokens bigint not null, created_at timestamp(6) with time zone not null, prompt_tokens bigint not null, stage varchar(32) not null check ((stage in ('SELF_INSTRUCT','FUNCTION_GENERATION','CROSS_VALIDATION','BACK_TRANSLATION','QUERY_SAMPLING','RESPONSE_VERIFICATION','REJECTION','JUDGE','EXPORT'))), key_hash varchar(64) not null, completion ${text_definition} not null, model varchar(255) not null, prompt ${text_definition} not null, run_id varchar(255) not null, primary key (key_hash));
create index llm_completion_run_stage on llm_completion (run_id, stage);
