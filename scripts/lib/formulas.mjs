// Every formula in the project, read from its XML, checked and evaluated offline with sformula.
//
// sformula has the static type system Salesforce formulas have (picklists only through ISPICKVAL/TEXT/CASE, a
// validation rule must return a checkbox) and their blank handling, but it knows nothing of the record's save:
// ISCHANGED, PRIORVALUE, ISNEW and ISCLONE are rewritten here into plain identifiers (`__ISCHANGED__StageName`)
// that each scenario binds, and TODAY()/NOW() read a clock the scenario fixes. Field types come from the
// schema model (schema/index.mjs), so a formula is checked against the fields it really names.
//
// One module per job, in formulas/: functions.mjs (what functions do at run time), tokens.mjs, references.mjs
// (what a name in a formula names), analyze.mjs (syntax, references and types: one formula compiled),
// project.mjs (the project's formulas) and evaluate.mjs (scenarios). This module is what the others import.
export { loadSchema } from './schema/index.mjs';
export { FormulaError } from './formulas/functions.mjs';
export { tokenize, FormulaSyntaxError } from './formulas/tokens.mjs';
export { resolveReference } from './formulas/references.mjs';
export { analyzeFormula } from './formulas/analyze.mjs';
export { loadFormulas, loadProject, findFormula } from './formulas/project.mjs';
export { evaluateFormula, describeFormula, describeInputs } from './formulas/evaluate.mjs';
