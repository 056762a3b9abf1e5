/**
 * @description The one trigger on Plan_Milestone__c. It only dispatches: the behaviour lives in
 * PlanMilestoneTriggerHandler.
 */
trigger PlanMilestoneTrigger on Plan_Milestone__c(
    before insert,
    after insert,
    before update,
    after update,
    after delete
) {
    PlanMilestoneTriggerHandler handler = new PlanMilestoneTriggerHandler();
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
        when AFTER_DELETE {
            handler.afterDelete(Trigger.old);
        }
    }
}
