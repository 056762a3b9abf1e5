// Tandem's own PMD rules, run by scripts/checks/pmd.mjs next to PMD's built-in ones.
//
// PMD's ApexSharingViolations only flags a class with no sharing declaration when it also does DML, and never flags
// an explicit `without sharing`. The design says classes are `with sharing` (record access is the platform's job),
// so this rule flags every non-test top-level class that declares neither `with sharing` nor `inherited sharing`,
// and any class declared `without sharing`. A deliberate exception can carry
// @SuppressWarnings('PMD.TandemClassesDeclareSharing') where a reviewer will see it.
export const SHARING_RULE = 'TandemClassesDeclareSharing';

export const TANDEM_RULESET = `<?xml version="1.0" encoding="UTF-8"?>
<ruleset name="Tandem"
    xmlns="http://pmd.sourceforge.net/ruleset/2.0.0"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://pmd.sourceforge.net/ruleset/2.0.0 https://pmd.sourceforge.io/ruleset_2_0_0.xsd">
    <description>Rules specific to the Tandem package.</description>
    <rule name="${SHARING_RULE}"
        language="apex"
        message="Declare this class with sharing (or inherited sharing): Tandem classes never bypass record sharing"
        class="net.sourceforge.pmd.lang.rule.xpath.XPathRule">
        <description>Top-level classes declare with sharing or inherited sharing; no class is without sharing.</description>
        <priority>2</priority>
        <properties>
            <property name="xpath">
                <value><![CDATA[
//UserClass[ModifierNode[@Test = false()]]
    [ModifierNode[@WithoutSharing = true()]
     or (@Nested = false() and ModifierNode[@WithSharing = false() and @InheritedSharing = false()])]
                ]]></value>
            </property>
        </properties>
    </rule>
</ruleset>
`;
