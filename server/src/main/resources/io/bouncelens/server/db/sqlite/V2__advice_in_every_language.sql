-- Records are stored in English; this keeps their explanation and fix in the other languages too,
-- {"zh-CN":{"explanation":...,"fix":...},"zh-TW":{...}}, so stored bounces read in any of them.
ALTER TABLE bounces ADD COLUMN advice_json TEXT;
