// PMD security and performance rules on the project's Apex (and Visualforce and metadata XML, where PMD has
// security rules for them), run offline through Salesforce Code Analyzer's core library and its PMD engine plugin.
// Every violation of a selected rule is a finding, whatever PMD's own severity: these are the rules a security
// review or a governor limit would fail the package on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { packageDirs, rel } from '../lib/sfdx.mjs';
import { SHARING_RULE, TANDEM_RULESET } from '../lib/apex-pmd-rules.mjs';

// Code Analyzer selectors: `a:b` is an intersection, `(a,b)` a union. JavaScript and HTML are left to ESLint and
// the LWC tooling. PMD 7 folded AvoidDmlStatementsInLoops, AvoidSoqlInLoops and AvoidSoslInLoops into
// OperationWithLimitsInLoop; their names stay listed so they run again should a PMD version bring them back.
export const RULE_SELECTORS = [
    'pmd:Security:(Apex,Visualforce,XML)',
    'pmd:Performance:Apex',
    'pmd:AvoidGlobalModifier',
    'pmd:ApexUnitTestClassShouldHaveAsserts',
    'pmd:ApexUnitTestShouldNotUseSeeAllDataTrue',
    'pmd:AvoidDmlStatementsInLoops',
    'pmd:AvoidSoqlInLoops',
    'pmd:AvoidSoslInLoops',
    `pmd:${SHARING_RULE}`
];

export async function check(root) {
    const projectRoot = resolve(root);
    // The custom ruleset lives in a temp dir, not the project: it is part of this check, not of the package.
    const scratch = mkdtempSync(join(tmpdir(), 'tandem-pmd-'));
    const leftovers = [];
    try {
        const ruleset = join(scratch, 'tandem-ruleset.xml');
        writeFileSync(ruleset, TANDEM_RULESET);
        const config = CodeAnalyzerConfig.fromObject(
            { log_folder: scratch, engines: { pmd: { custom_rulesets: [ruleset] } } },
            projectRoot
        );
        const analyzer = new CodeAnalyzer(config);
        // A file PMD cannot parse is skipped with an engine error log, not a violation: collect those too.
        const engineErrors = [];
        analyzer.onEvent(EventType.EngineLogEvent, (event) => {
            if (event.logLevel === LogLevel.Error) engineErrors.push(event.message);
        });
        // After an engine error Code Analyzer keeps its working folder for debugging; nobody reads it here.
        analyzer.onEvent(EventType.LogEvent, (event) => {
            const kept = event.message.match(/will not be removed: (.+)$/)?.[1];
            if (kept) leftovers.push(kept.trim());
        });
        await analyzer.addEnginePlugin(createEnginePlugin());
        const workspace = await analyzer.createWorkspace(packageDirs(projectRoot));
        const rules = await analyzer.selectRules(RULE_SELECTORS, { workspace });
        const results = await analyzer.run(rules, { workspace });

        const findings = results.getViolations().map((violation) => {
            const location = violation.getPrimaryLocation();
            const file = location.getFile();
            return {
                file: file ? rel(projectRoot, file) : '.',
                line: location.getStartLine(),
                message: `${violation.getRule().getName()}: ${violation.getMessage().trim()}`
            };
        });
        findings.push(...engineErrors.map((message) => engineErrorFinding(projectRoot, message)));
        return findings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
    } finally {
        rmSync(scratch, { recursive: true, force: true });
        for (const folder of leftovers) removeCodeAnalyzerFolder(folder);
    }
}

/** Turns PMD's "issued a processing error for file '<path>':" log into a finding on that file. */
function engineErrorFinding(root, message) {
    const file = message.match(/processing error for file '([^']+)'/)?.[1];
    if (!file) return { file: '.', message: `PMD error: ${message.trim()}` };
    // The first detail line says why ("ParseException: ..."); a syntax error also says where.
    const syntax = message.match(/Syntax error at (\d+):\d+: ([^\n]*)/);
    const reason = syntax ? `syntax error: ${syntax[2]}` : message.split('\n')[1]?.trim();
    return {
        file: rel(root, file),
        line: syntax ? Number(syntax[1]) : undefined,
        message: `PMD could not analyse this file, so none of its rules ran on it (${reason})`
    };
}

/** Removes Code Analyzer's per-instance temp folder (tmpdir/code-analyzer-XXXX) that holds `folder`. */
function removeCodeAnalyzerFolder(folder) {
    const top = relative(tmpdir(), folder).split(sep)[0];
    if (top.startsWith('code-analyzer-')) rmSync(join(tmpdir(), top), { recursive: true, force: true });
}
