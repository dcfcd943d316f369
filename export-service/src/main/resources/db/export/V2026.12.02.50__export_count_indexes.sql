-- The funnel's counts of a running run off indexes instead of rows (ExportReader.counts). On a finished paper-size
-- run's database (92,282 judgements, 115,668 verified responses), warm: counting the kept judgements read every row
-- with its texts, 950 ms -> 29 ms; the prompts with a chosen and a rejected response group the responses by prompt
-- and pass rate, 1,093 ms -> 226 ms.
create index export_judged_response_kept on export_judged_response (runId, kept);
create index export_verified_response_pass on export_verified_response (runId, instructionId, queryId, passRate);
