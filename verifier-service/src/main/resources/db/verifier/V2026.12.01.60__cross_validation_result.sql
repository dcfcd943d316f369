-- Cross-validation's report on every instruction, kept or dropped (each function's verdict per case, its accuracy
-- and fate; each case's accuracy), for GET /cross-validations/{instructionId}. ${json} is the JSON column type
-- (jsonb on PostgreSQL, json on H2: platform microprofile-config.properties).
create table cross_validation_result (instructionId varchar(200) not null, runId varchar(100) not null, outcome varchar(100) not null, report ${json} not null, checkedAt timestamp(6) with time zone not null, primary key (instructionId));
create index cross_validation_result_run on cross_validation_result (runId);
