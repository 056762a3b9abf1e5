/**
 * @description The package's one trigger on Opportunity. It only dispatches: the behaviour lives in
 * OpportunityTriggerHandler.
 */
trigger OpportunityTrigger on Opportunity(before insert, before update, after update) {
    OpportunityTriggerHandler handler = new OpportunityTriggerHandler();
    switch on Trigger.operationType {
        when BEFORE_INSERT {
            handler.beforeInsert(Trigger.new);
        }
        when BEFORE_UPDATE {
            handler.beforeUpdate(Trigger.new, Trigger.oldMap);
        }
        when AFTER_UPDATE {
            handler.afterUpdate(Trigger.new, Trigger.oldMap);
        }
    }
}
