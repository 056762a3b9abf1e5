// The preview org's users: a sales team in a role hierarchy (a VP, two managers, six account executives), with the
// package's permission sets. Users are setup data, which a scratch org also gets outside any data load; the demo
// records themselves come from the Apex loader (dev/main/classes/TandemDemoData.cls).

export const DEMO_ROLES = [
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

/**
 * `loadsDemo`: the account executive who runs the demo load, keeps the deals of its first seat and previews as
 * himself (the other deals he hands to their owners at the end of the load; dev/main/classes/TandemDemoData.cls).
 */
export const DEMO_TEAM = [
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
        sets: SELLER_SETS,
        loadsDemo: key === 'jonah'
    }))
];

/**
 * The team the demo deals go to, in TandemDemoData.load(team)'s seat order: three enterprise account executives
 * (Owen's team), then three mid-market ones (Priya's), so that each manager, and the VP above both, reviews a team.
 */
export const DEMO_SELLERS = ['jonah', 'aisha', 'tomas', 'hannah', 'marcus', 'sofia'];

/**
 * The stage gates the demo org's admin turned on after the install (a fresh install gates nothing): the two late
 * standard stages, with their sales-process order from the first gated stage on, as Tandem Setup keeps it. The
 * offline Apex tests also run in an org configured so (npm run test:apex -- --gates-on).
 */
export const DEMO_GATE_SETTINGS = {
    'Plan_Setting__mdt.Default': {
        Active_Plan_Stages__c: 'Proposal/Price Quote;Negotiation/Review',
        Accepted_Plan_Stages__c: 'Negotiation/Review',
        Stage_Order__c: 'Proposal/Price Quote;Negotiation/Review;Closed Won;Closed Lost'
    }
};

/**
 * The guest user of the Experience Cloud site that hosts the buyer page: who a buyer is to the org when they open
 * their link (docs/buyer-page.md, "Publish the page in your site"). A site's guest user holds the Guest License
 * profile, which the embedded org models as its profile without object permissions; the only permission set is the
 * buyer page's.
 */
export const DEMO_SITE_GUEST = {
    LastName: 'Site Guest User',
    Username: 'guest@tandem-demo.example',
    Alias: 'guest',
    profile: 'Minimum Access - Salesforce',
    sets: ['Tandem_Buyer_Page']
};

/** The Apex classes a site's pages call: in an org their calls come from the site, as its guest user. */
export const SITE_CLASSES = ['BuyerPageController'];
