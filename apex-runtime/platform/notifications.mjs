// Messaging.CustomNotification.send on the embedded org, behind OfflineMessaging.sendCustomNotification that
// apex/Messaging.cls calls.
//
// The platform's rules, and where they are written:
// - Apex Reference, "CustomNotification Class"
//   (https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_class_Messaging_CustomNotification.htm):
//   the notification type (setNotificationTypeId: "The ID of the Custom Notification Type being used for the
//   notification"), title, body, sender, targetId or targetPageRef; "You must specify a target for a notification.
//   The target can be specified using either the targetID or the targetPageRef attribute. Neither attribute is
//   required, but if both are omitted, send() throws an exception"; "You can set both targetID and targetPageRef in
//   the same notification"; send(users): "A set of recipient IDs".
// - Actions Developer Guide, "Custom Notification Actions" (the same notification sent from a flow or REST):
//   customNotifTypeId, recipientIds, title and body are required; title "Maximum characters: 250", body "Maximum
//   characters: 750"; recipients are user ids (active users only), group ids and queue ids (their active members),
//   account and opportunity ids (their teams); at most 500 recipients.
// - Salesforce Help, "Custom Notification Allocations": an org sends at most 10,000 custom notifications an hour.
// - As with email ("Outbound Email", "What are Apex Unit Tests?"), a notification is delivered once the transaction
//   commits, and never from a test: the call is checked as anywhere else and succeeds.
//
// The exception is System.HandledException, with wording reconstructed from platform output (the reference quotes
// none): "Invalid parameter value for: notificationTypeId" (missing or not a notification type of the org), "Invalid
// parameter value for: title" / "body" (missing or too long), "Either targetId or targetPageRef must be set",
// "Invalid parameter value for: recipientIds". Not modelled: group, queue, account-team and opportunity-team
// recipients (the org has no groups or teams: they fail loudly), the "Send Custom Notifications" permission checked
// when Apex runs in user context (anonymous Apex), mobile push delivery.
import { nativeClass } from '../interpreter/natives.mjs';
import { ApexObject } from '../values/values.mjs';
import { ApexSet, ApexList } from '../values/collections.mjs';
import { toId18 } from '../values/ids.mjs';

const TITLE_MAX = 250;
const BODY_MAX = 750;
const RECIPIENTS_MAX = 500;
const PER_HOUR = 10000;
const HOUR_MS = 3600000;
const PREFIX = { user: '005', group: '00G', account: '001', opportunity: '006' };

let counter = 0;

const field = (object, name) => object.fields.get(name.toLowerCase()) ?? null;

function sendCustomNotification(rt, [notification, users]) {
    if (!(notification instanceof ApexObject)) rt.unsupported('OfflineMessaging.sendCustomNotification');
    const fail = (message) => rt.throw('System.HandledException', message);
    const typeId = toId18(field(notification, 'notificationTypeId'));
    const type = typeId ? rt.org.get('CustomNotificationType', typeId) : null;
    if (!type) fail('Invalid parameter value for: notificationTypeId');
    const title = field(notification, 'title');
    const body = field(notification, 'body');
    if (!title || String(title).length > TITLE_MAX) fail('Invalid parameter value for: title');
    if (!body || String(body).length > BODY_MAX) fail('Invalid parameter value for: body');
    const targetId = field(notification, 'targetId');
    const targetPageRef = field(notification, 'targetPageRef');
    if (!targetId && !targetPageRef) fail('Either targetId or targetPageRef must be set');
    if (targetId && !toId18(targetId)) fail('Invalid parameter value for: targetId');
    const senderId = field(notification, 'senderId');
    if (senderId && !rt.org.get('User', senderId)) fail('Invalid parameter value for: senderId');

    if (users === null || users === undefined) rt.throw('System.NullPointerException', 'Argument cannot be null.');
    const ids = users instanceof ApexSet ? [...users] : users instanceof ApexList ? users.items : null;
    if (!ids) rt.unsupported('Messaging.CustomNotification.send with recipients that are not a Set<String>');
    if (ids.length === 0 || ids.length > RECIPIENTS_MAX) fail('Invalid parameter value for: recipientIds');
    const recipients = [];
    for (const raw of ids) {
        const id = toId18(raw);
        if (!id) fail('Invalid parameter value for: recipientIds');
        const prefix = id.slice(0, 3);
        if (prefix !== PREFIX.user) {
            rt.unsupported(
                `custom notification recipients that are not users (${id}): the embedded org has no groups, queues or teams`
            );
        }
        const user = rt.org.get('User', id);
        if (!user) fail('Invalid parameter value for: recipientIds');
        // "UserId — The notification will be sent to this user, if this user is active".
        if (user.IsActive !== false && !recipients.includes(id)) recipients.push(id);
    }
    const sentLastHour = rt.org
        .notifications()
        .filter((entry) => Date.parse(rt.org.now()) - Date.parse(entry.sentAt) < HOUR_MS)
        .reduce((sum, entry) => sum + entry.recipientIds.length, 0);
    const pending = rt.services.notifications ?? [];
    const pendingCount = pending.reduce((sum, entry) => sum + entry.recipientIds.length, 0);
    if (sentLastHour + pendingCount + recipients.length > PER_HOUR) {
        fail('The hourly limit of custom notifications for this org has been exceeded');
    }
    counter += 1;
    const entry = {
        id: `notification-${counter}`,
        typeDeveloperName: type.DeveloperName,
        title: String(title),
        body: String(body),
        targetId: targetId ? toId18(targetId) : null,
        targetPageRef: targetPageRef ?? null,
        senderId: senderId ? toId18(senderId) : rt.userId,
        recipientIds: recipients,
        sentAt: null
    };
    if (rt.isTest) return null;
    rt.services.notifications = [...pending, entry];
    rt.services.afterCommit ??= [];
    if (pending.length === 0) {
        rt.services.afterCommit.push((session) => {
            for (const queued of rt.services.notifications ?? []) {
                session.org.deliverNotification({ ...queued, sentAt: session.org.now() });
            }
        });
    }
    return null;
}

Object.assign(nativeClass('OfflineMessaging').staticMethods, {
    sendcustomnotification: sendCustomNotification
});
