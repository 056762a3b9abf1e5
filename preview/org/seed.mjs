// Demo data for the preview: a sales team, accounts with their buying committees, about thirty opportunities
// across every stage, and mutual action plans in every state, built from the package's shipped templates.
//
// Everything is saved through the org's insert/update, so the package's validation rules, triggers and roll-ups
// apply to the demo data exactly as to a user's edits. Dates are relative to the org's `today`, and each plan's
// history is written on the day it happened (the org's clock is moved back for it): a milestone completed three
// weeks ago has Completed_On__c three weeks ago, a slip recorded last Tuesday has its Milestone_Date_Change__c
// from last Tuesday, a stale plan really has not moved since. Account executives make the moves a user makes
// (activating a plan, moving a deal into a gated stage), so the gates are exercised; only what a real org gets
// from a data load (legacy deals already in gated stages) is loaded by an integration user holding the gate
// bypass, as it would be in a real org.
import { createOrg } from './org.mjs';

const DAY = 86400000;

/** The ISO date `days` after `iso` (negative: before). */
export function addDays(iso, days) {
    return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

const weekday = (iso) => new Date(`${iso}T00:00:00Z`).getUTCDay();
const isWeekend = (iso) => weekday(iso) === 0 || weekday(iso) === 6;

/** The ISO date `count` working days (Monday to Friday) after `iso`; a weekend start counts from the Friday. */
export function addWorkingDays(iso, count) {
    let date = iso;
    while (isWeekend(date)) date = addDays(date, -1);
    const step = count < 0 ? -1 : 1;
    for (let left = Math.abs(count); left > 0;) {
        date = addDays(date, step);
        if (!isWeekend(date)) left--;
    }
    return date;
}

// ---------------------------------------------------------------------------------------------------------------
// The cast.

const ROLES = [
    { key: 'vp', Name: 'VP Sales', DeveloperName: 'VP_Sales' },
    {
        key: 'enterpriseManager',
        Name: 'Enterprise Sales Manager',
        DeveloperName: 'Enterprise_Sales_Manager',
        parent: 'vp'
    },
    {
        key: 'midMarketManager',
        Name: 'Mid-Market Sales Manager',
        DeveloperName: 'Mid_Market_Sales_Manager',
        parent: 'vp'
    },
    {
        key: 'enterpriseAe',
        Name: 'Enterprise Account Executive',
        DeveloperName: 'Enterprise_Account_Executive',
        parent: 'enterpriseManager'
    },
    {
        key: 'midMarketAe',
        Name: 'Mid-Market Account Executive',
        DeveloperName: 'Mid_Market_Account_Executive',
        parent: 'midMarketManager'
    }
];

const MANAGER_SETS = ['Tandem_Manager'];
const SELLER_SETS = ['Tandem_User'];

const TEAM = [
    { key: 'marisol', FirstName: 'Marisol', LastName: 'Vega', Title: 'VP Sales', role: 'vp', sets: MANAGER_SETS },
    {
        key: 'owen',
        FirstName: 'Owen',
        LastName: 'Brandt',
        Title: 'Enterprise Sales Manager',
        role: 'enterpriseManager',
        manager: 'marisol',
        sets: MANAGER_SETS
    },
    {
        key: 'priya',
        FirstName: 'Priya',
        LastName: 'Raman',
        Title: 'Mid-Market Sales Manager',
        role: 'midMarketManager',
        manager: 'marisol',
        sets: MANAGER_SETS
    },
    ...[
        ['jonah', 'Jonah', 'Clarke', 'enterpriseAe', 'owen'],
        ['aisha', 'Aisha', 'Bello', 'enterpriseAe', 'owen'],
        ['tomas', 'Tomás', 'Ruiz', 'enterpriseAe', 'owen'],
        ['hannah', 'Hannah', 'Lee', 'midMarketAe', 'priya'],
        ['marcus', 'Marcus', 'Webb', 'midMarketAe', 'priya'],
        ['sofia', 'Sofia', 'Lindqvist', 'midMarketAe', 'priya']
    ].map(([key, FirstName, LastName, role, manager]) => ({
        key,
        FirstName,
        LastName,
        Title: role === 'enterpriseAe' ? 'Enterprise Account Executive' : 'Account Executive',
        role,
        manager,
        sets: SELLER_SETS
    }))
];

// Account, industry, city, country, employees, annual revenue. Web domains use the reserved .example TLD.
const ACCOUNTS = [
    ['Northwind Logistics', 'Transportation', 'Rotterdam', 'Netherlands', 4200, 910e6],
    ['Bluefin Analytics', 'Technology', 'Austin', 'United States', 380, 64e6],
    ['Cedar & Pine Health', 'Healthcare', 'Portland', 'United States', 6100, 1.2e9],
    ['Helio Freight', 'Transportation', 'Hamburg', 'Germany', 2300, 540e6],
    ['Quarry Labs', 'Biotechnology', 'Cambridge', 'United Kingdom', 240, 38e6],
    ['Ridgeback Insurance', 'Insurance', 'Johannesburg', 'South Africa', 3100, 780e6],
    ['Solace Energy', 'Energy', 'Calgary', 'Canada', 1800, 690e6],
    ['Tessellate Retail', 'Retail', 'Lyon', 'France', 9500, 2.1e9],
    ['Umber Financial', 'Banking', 'Chicago', 'United States', 5200, 1.6e9],
    ['Vantage Biotech', 'Biotechnology', 'Basel', 'Switzerland', 860, 210e6],
    ['Wrenfield University', 'Education', 'Leeds', 'United Kingdom', 7400, 480e6],
    ['Kestrel Manufacturing', 'Manufacturing', 'Monterrey', 'Mexico', 3900, 830e6]
];

// The buying committee every account gets, and the contact role each plays on a deal.
const COMMITTEE = [
    { key: 'cfo', Title: 'Chief Financial Officer', Department: 'Finance', role: 'Economic Buyer' },
    { key: 'ops', Title: 'VP Operations', Department: 'Operations', role: 'Executive Sponsor' },
    { key: 'it', Title: 'IT Director', Department: 'IT', role: 'Evaluator' },
    { key: 'ciso', Title: 'Chief Information Security Officer', Department: 'Security', role: 'Technical Buyer' },
    { key: 'legal', Title: 'General Counsel', Department: 'Legal', role: 'Influencer' },
    { key: 'procurement', Title: 'Procurement Lead', Department: 'Procurement', role: 'Other' }
];

const FIRST_NAMES = `Amara Ben Chiara Dev Elif Felix Grace Hiro Ines Jamal Katya Liam Maya Noah Olga Pedro Quinn Rosa
    Sanjay Tara Uri Vera Wes Yara Zane Lena Omar Priscilla Rafael Sunita`.split(/\s+/);
const LAST_NAMES = `Adeyemi Bergstrom Castillo Dubois Eriksen Fitzgerald Gupta Hartmann Ibrahim Jensen Kowalski Laurent
    Moreau Nakamura Okafor Petrov Quintero Rossi Schneider Tanaka Usman Varga Whitaker Xu Yilmaz Zimmer Abbott Brennan
    Costa`.split(/\s+/);

// Which buyer contact owns a milestone of each phase of the shipped templates (by the phase's name; a phase
// the table does not know falls to the operations sponsor).
const PHASE_OWNER = {
    Evaluation: 'ops',
    Validation: 'it',
    'Business Case': 'cfo',
    'Security Review': 'ciso',
    Legal: 'legal',
    Procurement: 'procurement',
    Signature: 'cfo',
    Implementation: 'ops'
};

/*
 * The deals. Stage 'gated' is a stage that needs an Active plan and 'accepted' one that needs a buyer-accepted
 * plan, both read from Plan_Setting__mdt. `close` is days from today to the close date (negative: closed that
 * long ago). Template 'large' is the first active plan template, 'small' the second.
 *
 * Stories: healthy, accepted, overdue, late (overdue by a day or two), slipped, slippedPastClose, stale, draft,
 * completed, cancelled; legacy (in a gated stage with no plan, from before the package) and none (no plan).
 */
const DEAL_TABLE = `
account               | deal                       | amount | owner  | stage               | close | template | story
Northwind Logistics   | Fleet visibility platform  | 240000 | jonah  | gated               |    30 | large    | healthy
Cedar & Pine Health   | Patient intake automation  | 310000 | aisha  | accepted            |    21 | large    | accepted
Umber Financial       | Treasury reporting suite   | 420000 | tomas  | gated               |    40 | large    | overdue
Tessellate Retail     | Store analytics rollout    | 185000 | aisha  | accepted            |    28 | large    | slipped
Helio Freight         | Customs document hub       |  98000 | jonah  | accepted            |    10 | large    | slippedPastClose
Bluefin Analytics     | Self-serve BI seats        |  42000 | hannah | gated               |    18 | small    | healthy
Quarry Labs           | Lab inventory tracking     |  36000 | marcus | gated               |    35 | small    | stale
Solace Energy         | Field service scheduling   |  64000 | sofia  | Perception Analysis |    26 | small    | late
Vantage Biotech       | Clinical trial portal      |  57000 | hannah | accepted            |    12 | small    | accepted
Wrenfield University  | Student services CRM       | 150000 | tomas  | Value Proposition   |    75 | large    | draft
Kestrel Manufacturing | Supplier quality portal    |  88000 | marcus | Needs Analysis      |    90 | small    | draft
Ridgeback Insurance   | Claims triage              | 275000 | jonah  | Id. Decision Makers |    55 | large    | healthy
Ridgeback Insurance   | Broker portal expansion    | 120000 | aisha  | Closed Won          |   -45 | large    | completed
Bluefin Analytics     | Embedded analytics pilot   |  28000 | sofia  | Closed Won          |   -30 | small    | completed
Solace Energy         | Asset monitoring           |  76000 | marcus | Closed Lost         |   -15 | small    | cancelled
Tessellate Retail     | Price optimisation pilot   |  58000 | sofia  | gated               |    24 | small    | healthy
Northwind Logistics   | Warehouse slotting add-on  |  54000 | jonah  | gated               |    20 | -        | legacy
Umber Financial       | Branch analytics renewal   | 210000 | tomas  | accepted            |    14 | -        | legacy
Kestrel Manufacturing | Plant maintenance suite    | 132000 | aisha  | Closed Won          |   -70 | -        | none
Cedar & Pine Health   | Telehealth scheduling      |  47000 | hannah | Prospecting         |   110 | -        | none
Tessellate Retail     | Loyalty data platform      |  96000 | sofia  | Prospecting         |   120 | -        | none
Vantage Biotech       | Sample logistics           |  39000 | marcus | Prospecting         |    95 | -        | none
Helio Freight         | Carrier onboarding         |  61000 | jonah  | Qualification       |    80 | -        | none
Wrenfield University  | Alumni engagement          |  33000 | hannah | Qualification       |    70 | -        | none
Quarry Labs           | Research data lake         | 112000 | tomas  | Needs Analysis      |    85 | -        | none
Northwind Logistics   | Driver safety analytics    |  72000 | aisha  | Value Proposition   |    60 | -        | none
Kestrel Manufacturing | Spare parts forecasting    |  91000 | tomas  | Perception Analysis |    50 | -        | none
Umber Financial       | Fraud case management      | 260000 | jonah  | Id. Decision Makers |    65 | -        | none
Solace Energy         | Grid outage comms          |  44000 | sofia  | Closed Lost         |   -40 | -        | none
Cedar & Pine Health   | Revenue cycle analytics    | 140000 | marcus | Needs Analysis      |   100 | -        | none
`;

// What each plan is for, in the buyer's words: the shared objective and the buyer's reason for the date.
const OBJECTIVES = {
    'Fleet visibility platform': [
        'Cut late deliveries from 9% to under 3% across the EU network, measured on the Q3 delivery report.',
        'Peak-season readiness review in September'
    ],
    'Patient intake automation': [
        'Halve front-desk intake time in the three largest clinics, measured by the patient-flow dashboard.',
        'New clinic opens on the first of the quarter'
    ],
    'Treasury reporting suite': [
        'Close the monthly treasury pack in 2 days instead of 6, signed off by the group controller.',
        'Regulator reporting deadline at quarter end'
    ],
    'Store analytics rollout': [
        "Every regional manager sees yesterday's store margin by 8 am, in 140 stores.",
        'Spring collection launch'
    ],
    'Customs document hub': [
        'Customs declarations filed the same day for 95% of inbound containers.',
        'New EU customs rules take effect'
    ],
    'Self-serve BI seats': [
        'Analysts build their own board pack without an engineer, for the next board meeting.',
        'Board meeting'
    ],
    'Lab inventory tracking': ['No experiment delayed by a missing reagent for a full quarter.', 'Grant audit'],
    'Field service scheduling': ['Technicians reach 20% more sites per week without overtime.', 'Winter storm season'],
    'Clinical trial portal': [
        'Trial sites upload visit data within 48 hours, checked at the next monitoring visit.',
        'Phase II trial starts enrolment'
    ],
    'Student services CRM': [
        'Every student enquiry answered within one working day during clearing.',
        'Clearing week in August'
    ],
    'Supplier quality portal': [
        'Supplier defects traced to a lot within an hour instead of three days.',
        'Customer audit'
    ],
    'Claims triage': [
        'Simple motor claims settled in 5 days instead of 19, measured on the claims dashboard.',
        'Renewal of the reinsurance treaty'
    ],
    'Broker portal expansion': [
        'Brokers quote and bind small commercial policies online without a call.',
        'Broker conference'
    ],
    'Embedded analytics pilot': [
        'Customers see usage analytics inside the product by the summer release.',
        'Summer release'
    ],
    'Asset monitoring': ['Unplanned turbine downtime down by a third within a year.', 'Maintenance budget cycle'],
    'Price optimisation pilot': [
        'Markdown decisions for 400 lines made from data, reviewed weekly by the pricing team.',
        'End-of-season sale'
    ]
};

const DEALS = DEAL_TABLE.trim()
    .split('\n')
    .slice(1)
    .map((line) => {
        const [account, name, amount, owner, stage, close, template, story] = line
            .split('|')
            .map((cell) => cell.trim());
        const [objective, anchor] = OBJECTIVES[name] ?? [];
        return {
            account,
            name,
            amount: Number(amount),
            owner,
            stage,
            closeIn: Number(close),
            template: template === '-' ? null : template,
            story,
            objective,
            anchor
        };
    });

/** Every plan state the demo has, by story (the test checks each one is there). */
export const PLAN_STORIES = [
    'healthy',
    'accepted',
    'overdue',
    'late',
    'slipped',
    'slippedPastClose',
    'stale',
    'draft',
    'completed',
    'cancelled'
];

// ---------------------------------------------------------------------------------------------------------------

const stageList = (value) =>
    String(value ?? '')
        .split(';')
        .map((stage) => stage.trim())
        .filter(Boolean);

/** The settings the stories depend on, from Plan_Setting__mdt Default (with the org's overrides). */
function settingsOf(org) {
    const setting = org.customMetadata('Plan_Setting__mdt').find((record) => record.DeveloperName === 'Default') ?? {};
    const accepted = stageList(setting.Accepted_Plan_Stages__c);
    const active = stageList(setting.Active_Plan_Stages__c);
    return {
        gatedStage: active.find((stage) => !accepted.includes(stage)) ?? active[0] ?? 'Proposal/Price Quote',
        acceptedStage: accepted[0] ?? active[0] ?? 'Negotiation/Review',
        staleDays: setting.Stale_Plan_Days__c ?? 14,
        offTrackDays: setting.Off_Track_Overdue_Days__c ?? 7,
        atRiskDays: setting.At_Risk_Overdue_Days__c ?? 1,
        atRiskSlip: setting.At_Risk_Slip_Days__c ?? 10
    };
}

/** Active templates in their order, each with its steps in order, from the package's custom metadata. */
function templatesOf(org) {
    const steps = org.customMetadata('Plan_Template_Step__mdt');
    return org
        .customMetadata('Plan_Template__mdt')
        .filter((template) => template.Is_Active__c !== false)
        .sort((a, b) => (a.Sort_Order__c ?? 0) - (b.Sort_Order__c ?? 0))
        .map((template) => ({
            ...template,
            steps: steps
                .filter((step) => step.Template__c === template.DeveloperName)
                .sort((a, b) => a.Sort_Order__c - b.Sort_Order__c)
        }))
        .filter((template) => template.steps.length);
}

/**
 * Due dates for a template's steps: each step ends its duration (working days) after its predecessor ends, and
 * the whole plan is placed so that step `anchor` (default: the one marking the close) is due on `date`.
 */
function schedule(steps, date, anchor = steps.find((step) => step.Marks_Close__c) ?? steps[steps.length - 1]) {
    const ends = new Map();
    for (const step of steps) {
        const after = step.Predecessor_Order__c == null ? 0 : (ends.get(step.Predecessor_Order__c) ?? 0);
        ends.set(step.Sort_Order__c, after + Math.max(1, step.Duration_Days__c ?? 1));
    }
    const shift = ends.get(anchor.Sort_Order__c);
    return steps.map((step) => addWorkingDays(date, ends.get(step.Sort_Order__c) - shift));
}

/**
 * Loads the demo into `org` (which should be empty but for its first user). `loaderId` is the integration user
 * that loads what a data load would; it needs the gate bypass (default: the org's current user). Returns ids by
 * role: { users, accounts, opportunities, plans: { story: [planIds] }, legacyOpportunities, ... }.
 */
export function seedDemoData(org, { loaderId = org.currentUserId } = {}) {
    const today = org.today;
    const settings = settingsOf(org);
    const templates = templatesOf(org);
    if (!templates.length) throw new Error('the package ships no active plan template with steps');
    const bypass = org.schema.permissionSetsGranting('Bypass_Plan_Gates');
    if (!org.permissionsOf(loaderId).includes('Bypass_Plan_Gates')) {
        throw new Error(
            `the seed's loader needs the gate bypass (permission set ${bypass.join(' or ') || 'none found'})`
        );
    }
    const as = { as: loaderId };
    const demo = {
        users: {},
        roles: {},
        accounts: [],
        contacts: {},
        opportunities: [],
        plans: {},
        legacyOpportunities: []
    };
    for (const story of PLAN_STORIES) demo.plans[story] = [];

    // Team: roles top-down, then users with their managers and permission sets.
    for (const role of ROLES) {
        [demo.roles[role.key]] = org.insert(
            'UserRole',
            {
                Name: role.Name,
                DeveloperName: role.DeveloperName,
                ParentRoleId: role.parent ? demo.roles[role.parent] : null
            },
            as
        );
    }
    for (const person of TEAM) {
        const alias = (person.FirstName.slice(0, 1) + person.LastName.slice(0, 4)).toLowerCase();
        [demo.users[person.key]] = org.insert(
            'User',
            {
                FirstName: person.FirstName,
                LastName: person.LastName,
                Title: person.Title,
                Username: `${person.FirstName}.${person.LastName}@tandem-demo.example`.toLowerCase(),
                Email: `${person.FirstName}.${person.LastName}@tandem-demo.example`.toLowerCase(),
                Alias: alias.normalize('NFD').replace(/[^a-z]/g, ''),
                Department: 'Sales',
                UserRoleId: demo.roles[person.role],
                ManagerId: person.manager ? demo.users[person.manager] : null,
                // The team works through the package's permission sets on the Standard User profile.
                ProfileId: org.profileId('Standard User'),
                TimeZoneSidKey: 'America/Los_Angeles',
                LocaleSidKey: 'en_US',
                EmailEncodingKey: 'UTF-8',
                LanguageLocaleKey: 'en_US'
            },
            as
        );
        const sets = person.sets.filter((name) => org.schema.permissionSets.has(name.toLowerCase()));
        if (sets.length) org.assignPermissionSets(demo.users[person.key], sets, as);
    }

    // Accounts and their buying committees.
    let person = 0;
    for (const [name, industry, city, country, employees, revenue] of ACCOUNTS) {
        const domain = `${name
            .toLowerCase()
            .replace(/&/g, 'and')
            .replace(/[^a-z]+/g, '-')}.example`;
        const [accountId] = org.insert(
            'Account',
            {
                Name: name,
                Industry: industry,
                Type: 'Prospect',
                BillingCity: city,
                BillingCountry: country,
                NumberOfEmployees: employees,
                AnnualRevenue: revenue,
                Website: `https://www.${domain}`,
                OwnerId: demo.users.owen
            },
            as
        );
        demo.accounts.push(accountId);
        const contacts = COMMITTEE.map((member) => {
            const first = FIRST_NAMES[person % FIRST_NAMES.length];
            const last = LAST_NAMES[(person * 7 + 3) % LAST_NAMES.length];
            person++;
            return {
                FirstName: first,
                LastName: last,
                Title: member.Title,
                Department: member.Department,
                Email: `${first}.${last}@${domain}`.toLowerCase(),
                AccountId: accountId
            };
        });
        const ids = org.insert('Contact', contacts, as);
        demo.contacts[accountId] = Object.fromEntries(COMMITTEE.map((member, i) => [member.key, ids[i]]));
    }

    // The deals' histories, as events replayed in date order on the org's clock.
    const events = [];
    const on = (day, userId, run) => events.push({ day: day > today ? today : day, userId, run, order: events.length });
    for (const deal of DEALS) storyOf(deal, { org, today, settings, templates, demo, on, loaderId });
    events.sort((a, b) => a.day.localeCompare(b.day) || a.order - b.order);
    try {
        for (const event of events) {
            org.setToday(event.day);
            event.run({ as: event.userId });
        }
    } finally {
        org.setToday(today);
    }
    return demo;
}

/** Queues the events of one deal: its opportunity, contact roles, plan and what happened to them. */
function storyOf(deal, { org, today, settings, templates, demo, on, loaderId }) {
    const accountId = demo.accounts[ACCOUNTS.findIndex(([name]) => name === deal.account)];
    const contacts = demo.contacts[accountId];
    const owner = demo.users[deal.owner];
    const stage =
        deal.stage === 'gated' ? settings.gatedStage : deal.stage === 'accepted' ? settings.acceptedStage : deal.stage;
    const template = deal.template === 'small' ? (templates[1] ?? templates[0]) : deal.template ? templates[0] : null;
    const state = { opportunity: null, plan: null, milestones: [] };
    const closed = deal.closeIn < 0;
    let closeDate = addDays(today, deal.closeIn);

    // Without a plan: the deal is loaded as it stands, gated stage or not (a data load with the bypass).
    if (!template) {
        on(addDays(today, -Math.max(20, 60 - deal.closeIn)), loaderId, (options) => {
            state.opportunity = insertOpportunity(
                org,
                deal,
                { stage, closeDate, owner, accountId, contacts, demo },
                options
            );
            if (deal.story === 'legacy') demo.legacyOpportunities.push(state.opportunity);
        });
        return;
    }

    // With a plan: when the close step is due, how long ago the plan went live, and which step is stuck.
    const steps = template.steps;
    const closeStep = steps.find((step) => step.Marks_Close__c) ?? steps[steps.length - 1];
    let dues;
    let activated;
    if (deal.story === 'draft') {
        // Still being shaped: it would start next week.
        dues = schedule(steps, addWorkingDays(today, 6), steps[0]);
    } else if (deal.story === 'stale') {
        // Agreed weeks ago to start after the buyer's freeze; nothing has moved since.
        dues = schedule(steps, addWorkingDays(today, 3), steps[0]);
        activated = addDays(today, -(settings.staleDays + 8));
    } else if (deal.story === 'overdue' || deal.story === 'late') {
        const stuck = steps[Math.min(2, steps.length - 2)];
        const overdueBy = deal.story === 'overdue' ? settings.offTrackDays + 3 : settings.atRiskDays;
        let due = addDays(today, -overdueBy);
        while (isWeekend(due)) due = addDays(due, -1);
        dues = schedule(steps, due, stuck);
        state.stuck = stuck;
    } else if (deal.story === 'cancelled') {
        // The signature was planned a few weeks out when the buyer walked away.
        dues = schedule(steps, addWorkingDays(addDays(today, deal.closeIn), 8));
    } else if (closed) {
        dues = schedule(steps, addDays(today, deal.closeIn));
    } else {
        dues = schedule(steps, addWorkingDays(closeDate, -3));
    }
    const start = addWorkingDays(dues[0], -Math.max(1, steps[0].Duration_Days__c ?? 1));
    activated ??= addDays(start, -2);
    const drafted = addDays(activated < today ? activated : today, -4);
    const signature = dues[steps.indexOf(closeStep)];
    if (!closed && signature > closeDate && deal.story !== 'slippedPastClose') closeDate = addDays(signature, 5);

    on(addDays(drafted, -14), loaderId, (options) => {
        state.opportunity = insertOpportunity(
            org,
            deal,
            {
                stage: 'Qualification',
                closeDate: closed ? addDays(signature, 10) : closeDate,
                owner,
                accountId,
                contacts,
                demo
            },
            options
        );
    });

    // The account executive drafts the plan from the template, working back from the buyer's date.
    on(drafted, owner, (options) => {
        const buyerOwner = (step) => {
            // A draft is still being filled in: legal and procurement have not named their people yet.
            const key = PHASE_OWNER[step.Phase__c] ?? 'ops';
            return deal.story === 'draft' && (key === 'legal' || key === 'procurement') ? null : contacts[key];
        };
        [state.plan] = org.insert(
            'Mutual_Action_Plan__c',
            {
                Name: `${deal.account}: ${deal.name.toLowerCase()} plan`,
                Opportunity__c: state.opportunity,
                Status__c: 'Draft',
                Shared_Objective__c: deal.objective,
                Anchor_Event__c: deal.anchor,
                Target_Date__c: dues[dues.length - 1],
                Buyer_Lead__c: contacts.ops
            },
            options
        );
        state.milestones = org.insert(
            'Plan_Milestone__c',
            steps.map((step, i) => ({
                Name: step.Title__c,
                Description__c: step.Description__c,
                Plan__c: state.plan,
                Phase__c: step.Phase__c,
                Side__c: step.Side__c,
                Sort_Order__c: step.Sort_Order__c,
                Duration_Days__c: step.Duration_Days__c,
                Marks_Close__c: step.Marks_Close__c === true,
                Due_Date__c: dues[i],
                Buyer_Owner__c: step.Side__c === 'Seller' ? null : buyerOwner(step),
                Seller_Owner__c: step.Side__c === 'Buyer' ? null : owner
            })),
            options
        );
        const byOrder = new Map(steps.map((step, i) => [step.Sort_Order__c, state.milestones[i]]));
        const links = steps
            .map((step, i) => ({ Id: state.milestones[i], Depends_On__c: byOrder.get(step.Predecessor_Order__c) }))
            .filter((link) => link.Depends_On__c);
        if (links.length) org.update('Plan_Milestone__c', links, options);
        demo.plans[deal.story].push(state.plan);
    });
    if (deal.story === 'draft') {
        on(addDays(drafted, 2), owner, (options) => moveStage(org, state, stage, options));
        return;
    }

    // Both sides commit: the plan goes Active and every milestone is baselined.
    on(activated, owner, (options) =>
        org.update('Mutual_Action_Plan__c', { Id: state.plan, Status__c: 'Active' }, options)
    );

    // Milestones get done on their due dates, except what the story keeps stuck; a lost deal stops where it was.
    const cutoff = deal.story === 'cancelled' ? addDays(today, deal.closeIn) : today;
    const stuckIndex = state.stuck ? steps.indexOf(state.stuck) : -1;
    const open = [];
    steps.forEach((step, i) => {
        const due = dues[i];
        const blockedByStuck = stuckIndex >= 0 && isAfter(steps, step, state.stuck);
        if (due < cutoff && i !== stuckIndex && !blockedByStuck && deal.story !== 'stale') {
            on(addDays(due, i % 3 === 0 ? -1 : 0), owner, (options) =>
                org.update('Plan_Milestone__c', { Id: state.milestones[i], Status__c: 'Complete' }, options)
            );
        } else {
            open.push(i);
        }
    });
    if (stuckIndex >= 0) {
        on(addDays(dues[stuckIndex], -4), owner, (options) =>
            org.update('Plan_Milestone__c', { Id: state.milestones[stuckIndex], Status__c: 'In Progress' }, options)
        );
        if (deal.story === 'overdue') {
            on(addDays(dues[stuckIndex], 1), owner, (options) =>
                org.update('Plan_Milestone__c', { Id: state.milestones[stuckIndex], Status__c: 'Blocked' }, options)
            );
        }
    } else if (open.length && deal.story !== 'stale' && !closed) {
        // Work on the next step started this week, so the plan shows recent progress.
        on(addDays(today, -2), owner, (options) =>
            org.update('Plan_Milestone__c', { Id: state.milestones[open[0]], Status__c: 'In Progress' }, options)
        );
    }

    // The opportunity moves forward as the plan does: into a gated stage only once the plan is Active, into a
    // stage that needs acceptance only once the buyer accepted it.
    const accepts = stage === settings.acceptedStage || deal.story === 'accepted' || deal.story === 'completed';
    const acceptedOn = addDays(activated, 6);
    if (accepts) {
        on(acceptedOn, owner, (options) =>
            org.update(
                'Mutual_Action_Plan__c',
                { Id: state.plan, Buyer_Accepted__c: true, Buyer_Accepted_By__c: contacts.cfo },
                options
            )
        );
    }
    if (closed) {
        on(addDays(activated, 1), owner, (options) => moveStage(org, state, settings.gatedStage, options));
        if (deal.story === 'completed') {
            on(maxDate(addDays(acceptedOn, 1), addDays(signature, -5)), owner, (options) =>
                moveStage(org, state, settings.acceptedStage, options)
            );
        }
    } else {
        const moveOn = maxDate(addDays(activated, 1), addDays(today, -12));
        on(accepts ? maxDate(moveOn, addDays(acceptedOn, 1)) : moveOn, owner, (options) =>
            moveStage(org, state, stage, options)
        );
    }

    if (deal.story === 'slipped') {
        // Two steps due ahead slip, each with its reason; a third is pulled in, which needs none.
        const ahead = open.filter((i) => dues[i] > today && steps[i] !== closeStep);
        const slips = [
            [
                ahead[0],
                Math.ceil(settings.atRiskSlip / 2) + 1,
                'Legal review',
                "Buyer's counsel is out until the 14th",
                9
            ],
            [
                ahead[1],
                Math.ceil(settings.atRiskSlip / 2) + 1,
                'Procurement',
                'New vendor form needs a second approver',
                4
            ]
        ];
        for (const [i, days, reason, note, ago] of slips) {
            if (i === undefined) continue;
            on(addDays(today, -ago), owner, (options) => slip(org, state.milestones[i], days, reason, note, options));
        }
        const pulled = ahead.slice(2).find((i) => addDays(dues[i], -2) > today);
        if (pulled !== undefined) {
            on(addDays(today, -1), owner, (options) => slip(org, state.milestones[pulled], -2, null, null, options));
        }
    }
    if (deal.story === 'slippedPastClose') {
        // Procurement needs two more weeks, and the signature moves with it, past the forecast close date.
        const predecessor = steps.find((step) => step.Sort_Order__c === closeStep.Predecessor_Order__c);
        for (const step of [predecessor, closeStep].filter(Boolean)) {
            const i = steps.indexOf(step);
            on(addDays(today, -3), owner, (options) =>
                slip(
                    org,
                    state.milestones[i],
                    14,
                    'Procurement',
                    'PO needs board approval above the threshold',
                    options
                )
            );
        }
    }
    if (deal.story === 'completed') {
        on(signature, owner, (options) => moveStage(org, state, 'Closed Won', options, signature));
        on(maxDate(dues[dues.length - 1], signature), owner, (options) =>
            org.update('Mutual_Action_Plan__c', { Id: state.plan, Status__c: 'Completed' }, options)
        );
    }
    if (deal.story === 'cancelled') {
        // The buyer chose to wait a year: the plan is cancelled and the deal lost.
        const lost = addDays(today, deal.closeIn);
        on(lost, owner, (options) => {
            org.update('Mutual_Action_Plan__c', { Id: state.plan, Status__c: 'Cancelled' }, options);
            moveStage(org, state, 'Closed Lost', options, lost);
        });
    }
}

const maxDate = (a, b) => (a > b ? a : b);

/** Whether `step` comes after `before` through the chain of predecessors. */
function isAfter(steps, step, before) {
    const byOrder = new Map(steps.map((candidate) => [candidate.Sort_Order__c, candidate]));
    for (
        let current = byOrder.get(step.Predecessor_Order__c);
        current;
        current = byOrder.get(current.Predecessor_Order__c)
    ) {
        if (current === before) return true;
    }
    return false;
}

function slip(org, milestoneId, days, reason, note, options) {
    const milestone = org.get('Plan_Milestone__c', milestoneId);
    org.update(
        'Plan_Milestone__c',
        {
            Id: milestoneId,
            Due_Date__c: addDays(milestone.Due_Date__c, days),
            ...(reason ? { Slip_Reason__c: reason, Slip_Note__c: note } : {})
        },
        options
    );
}

function moveStage(org, state, stage, options, closeDate) {
    org.update(
        'Opportunity',
        { Id: state.opportunity, StageName: stage, ...(closeDate ? { CloseDate: closeDate } : {}) },
        options
    );
}

function insertOpportunity(org, deal, { stage, closeDate, owner, accountId, contacts, demo }, options) {
    const [id] = org.insert(
        'Opportunity',
        {
            Name: `${deal.account} – ${deal.name}`,
            AccountId: accountId,
            OwnerId: owner,
            StageName: stage,
            CloseDate: closeDate,
            Amount: deal.amount,
            Type: deal.amount % 3 === 0 ? 'Existing Customer - Upgrade' : 'New Customer',
            LeadSource: ['Web', 'Partner Referral', 'Phone Inquiry', 'Other'][deal.amount % 4],
            NextStep: deal.story === 'none' ? 'Discovery call with the operations team' : null
        },
        options
    );
    demo.opportunities.push(id);
    const roles =
        deal.amount >= 100000 ? COMMITTEE : COMMITTEE.filter((member) => ['cfo', 'ops', 'it'].includes(member.key));
    org.insert(
        'OpportunityContactRole',
        roles.map((member) => ({
            OpportunityId: id,
            ContactId: contacts[member.key],
            Role: member.role,
            IsPrimary: member.key === 'cfo'
        })),
        options
    );
    return id;
}

/**
 * An org with the demo loaded: created with an integration user holding the admin and gate-bypass permission
 * sets (found in the package by what they grant), seeded, then handed to the first account executive.
 * Returns { org, demo }.
 */
export function createDemoOrg({ root, today, fresh = false }) {
    const probe = createOrg({ root, today, fresh });
    const bypass = probe.schema.permissionSetsGranting('Bypass_Plan_Gates');
    const admin = [...probe.schema.permissionSets.values()]
        .map((set) => set.name)
        .filter((name) => /admin/i.test(name) && !bypass.includes(name));
    const org = createOrg({
        root,
        today,
        users: [
            {
                FirstName: 'Integration',
                LastName: 'User',
                Title: 'Data loads and integrations',
                Username: 'integration@tandem-demo.example',
                permissionSets: [...admin, ...bypass]
            }
        ]
    });
    const demo = seedDemoData(org);
    demo.users.integration = org.currentUserId;
    org.setCurrentUser(demo.users.jonah);
    return { org, demo };
}
