import type { RuleId } from '../../shared/rules/ruleIds';
import { r01Repeat } from './rules/r01Repeat';
import { r02RoundTrip } from './rules/r02RoundTrip';
import { r03RelatedParties } from './rules/r03RelatedParties';
import { r04NominalPrice } from './rules/r04NominalPrice';
import { r05PriceOutlier } from './rules/r05PriceOutlier';
import { r06Unpaid } from './rules/r06Unpaid';
import { r07ExpiringPatent } from './rules/r07ExpiringPatent';
import { r08Bulk } from './rules/r08Bulk';
import { r09SizeMismatch } from './rules/r09SizeMismatch';
import { r10Duplicate } from './rules/r10Duplicate';
import { r11SubsidyTwice } from './rules/r11SubsidyTwice';
import { r12OpenLicenseConflict } from './rules/r12OpenLicenseConflict';
import type { RuleModule } from './types';

export const RULE_MODULES: Readonly<Record<RuleId, RuleModule>> = {
  R01: r01Repeat,
  R02: r02RoundTrip,
  R03: r03RelatedParties,
  R04: r04NominalPrice,
  R05: r05PriceOutlier,
  R06: r06Unpaid,
  R07: r07ExpiringPatent,
  R08: r08Bulk,
  R09: r09SizeMismatch,
  R10: r10Duplicate,
  R11: r11SubsidyTwice,
  R12: r12OpenLicenseConflict,
};
