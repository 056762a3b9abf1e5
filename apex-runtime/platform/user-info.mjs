// System.UserInfo (Apex Reference, "UserInfo Class"): the context user, i.e. the running user (System.runAs changes
// it), read from the org's User record; and System.FeatureManagement.checkPermission ("FeatureManagement Class"):
// whether the running user holds a custom permission through a permission set or profile.
import { defineNative } from '../interpreter/natives.mjs';

// The embedded org is a single-currency org in US dollars with an English (United States) locale; its
// organization id is a fixed, well-formed 00D id.
export const ORG_DEFAULTS = {
    currency: 'USD',
    organizationId: '00D5g0000000001EAA',
    organizationName: 'Tandem Preview'
};

function user(rt) {
    const record = rt.org.get('User', rt.userId);
    if (!record) rt.unsupported(`UserInfo for the running user ${rt.userId}, who is not a User of the org`);
    return record;
}

const field =
    (name, fallback = null) =>
    (rt) =>
        user(rt)[name] ?? fallback;

defineNative({
    name: 'UserInfo',
    isInstance: () => false,
    staticMethods: {
        getuserid: (rt) => user(rt).Id,
        getname: field('Name'),
        getfirstname: field('FirstName'),
        getlastname: field('LastName'),
        getusername: field('Username'),
        getuseremail: field('Email'),
        getprofileid: field('ProfileId'),
        getuserroleid: field('UserRoleId'),
        getlocale: field('LocaleSidKey', 'en_US'),
        getlanguage: field('LanguageLocaleKey', 'en_US'),
        getusertype: field('UserType', 'Standard'),
        // "the organization's currency code for single currency organizations".
        getdefaultcurrency: (rt) => user(rt).DefaultCurrencyIsoCode ?? rt.org.currency ?? ORG_DEFAULTS.currency,
        getorganizationid: (rt) => rt.org.organizationId ?? ORG_DEFAULTS.organizationId,
        getorganizationname: (rt) => rt.org.organizationName ?? ORG_DEFAULTS.organizationName,
        ismulticurrencyorganization: () => false,
        getuitheme: () => 'Theme4d',
        getuithemedisplayed: () => 'Theme4d',
        gettimezone: (rt) => rt.unsupported('UserInfo.getTimeZone (System.TimeZone)'),
        getsessionid: (rt) => rt.unsupported('UserInfo.getSessionId'),
        iscurrentuserlicensed: (rt) => rt.unsupported('UserInfo.isCurrentUserLicensed'),
        iscurrentuserlicensedforpackage: (rt) => rt.unsupported('UserInfo.isCurrentUserLicensedForPackage')
    }
});

/** Custom permissions of the running user: org.access(userId).permission(name), else permission set grants. */
export function hasCustomPermission(rt, name) {
    if (name === null || name === undefined)
        rt.throw('System.NullPointerException', 'Attempt to de-reference a null object');
    if (typeof rt.org.access === 'function') return rt.org.access(rt.userId).permission(name) === true;
    const wanted = String(name).toLowerCase();
    return rt.org.permissionsOf(rt.userId).some((permission) => permission.toLowerCase() === wanted);
}

defineNative({
    name: 'FeatureManagement',
    isInstance: () => false,
    staticMethods: {
        checkpermission: (rt, [name]) => hasCustomPermission(rt, name),
        checkpackagebooleanvalue: (rt) => rt.unsupported('FeatureManagement.checkPackageBooleanValue'),
        checkpackageintegervalue: (rt) => rt.unsupported('FeatureManagement.checkPackageIntegerValue'),
        checkpackagedatevalue: (rt) => rt.unsupported('FeatureManagement.checkPackageDateValue'),
        setpackagebooleanvalue: (rt) => rt.unsupported('FeatureManagement.setPackageBooleanValue'),
        setpackageintegervalue: (rt) => rt.unsupported('FeatureManagement.setPackageIntegerValue'),
        setpackagedatevalue: (rt) => rt.unsupported('FeatureManagement.setPackageDateValue'),
        changeprotection: (rt) => rt.unsupported('FeatureManagement.changeProtection')
    }
});
