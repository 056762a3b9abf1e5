/**
 * @description The one trigger on Mutual_Action_Plan__c. It only dispatches: the behaviour lives in
 * MutualActionPlanTriggerHandler.
 */
trigger MutualActionPlanTrigger on Mutual_Action_Plan__c(before insert, after insert, before update, after update) {
    MutualActionPlanTriggerHandler handler = new MutualActionPlanTriggerHandler();
    switch on Trigger.operationType {
        when BEFORE_INSERT {
            handler.beforeInsert(Trigger.new);
        }
        when AFTER_INSERT {
            handler.afterInsert(Trigger.new);
        }
        when BEFORE_UPDATE {
            handler.beforeUpdate(Trigger.new, Trigger.oldMap);
        }
        when AFTER_UPDATE {
            handler.afterUpdate(Trigger.new, Trigger.oldMap);
        }
    }
}
