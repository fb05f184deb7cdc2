-- The company last chosen in the switcher, remembered on the account for the next sign-in in any browser.
ALTER TABLE "accounts" ADD COLUMN "last_company_id" uuid;