-- Online DPO rounds requested for a run (POST /runs/{id}/rounds): the policy endpoint (the key's variable name, never
-- the key) and the sampling settings, one row per round number.
create table instruction_round (round integer not null, k integer not null, temperature float(53) not null, prompts integer, seed bigint not null, requestedAt timestamp(6) with time zone not null, runId varchar(100) not null, baseUrl varchar(500) not null, model varchar(200) not null, apiKeyEnv varchar(100) not null, promptForm varchar(20) not null, primary key (runId, round));
