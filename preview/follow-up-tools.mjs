// The preview's follow-up tools, preview-only (nothing of this is in the package): what the shell's notification bell,
// its Outbox tab and its "Run the daily job" control ask of the embedded org. The bell lists the custom
// notifications the org delivered to the previewed user (org.notifications(), org.markNotificationsRead(userId)); the
// outbox lists every email the org sent (org.outbox()); the daily job runs the package's FollowUpJob as a batch, as
// the org's admin would from anonymous Apex, and says what that run produced.
// A tool that needs what the org does not offer fails loudly with status 501 and says what is missing: the preview
// never shows an empty bell for an org that cannot hold notifications.
import { toId18 } from './org/ids.mjs';
import { auraErrorBody } from './apex.mjs';

/** The error a tool answers with: `status` and a `body` shaped as the preview's other errors ({ message }). */
export function toolError(status, message) {
    return Object.assign(new Error(message), { status, body: { message } });
}

/** The org's notifications (all, or those sent to `userId` with that user's `read`), or a 501 naming what is missing. */
function notificationsOf(org, userId) {
    if (typeof org.notifications !== 'function') {
        throw toolError(
            501,
            'The embedded org does not hold custom notifications: org.notifications() is missing (preview/org/org.mjs).'
        );
    }
    return userId === undefined ? org.notifications() : org.notifications(userId);
}

/** Newest first; equal times keep the later delivery first. */
function newestFirst(items) {
    return items
        .map((item, index) => ({ item, index }))
        .sort((a, b) => String(b.item.sentAt).localeCompare(String(a.item.sentAt)) || b.index - a.index)
        .map(({ item }) => item);
}

/** A notification's targetPageRef as an object: Apex gives it as JSON text (CustomNotification.setTargetPageRef). */
function pageRefOf(targetPageRef) {
    if (targetPageRef === null || targetPageRef === undefined || targetPageRef === '') return null;
    if (typeof targetPageRef === 'object') return targetPageRef;
    try {
        return JSON.parse(targetPageRef);
    } catch {
        return { unreadable: String(targetPageRef) };
    }
}

/**
 * Where a notification leads in the preview: an Opportunity's record page, or a page reference (the shell knows
 * which tabs it has). `null` when it names neither; `label` says what the target is, for the item's title.
 */
function targetOf(org, { targetId, targetPageRef }) {
    const pageRef = pageRefOf(targetPageRef);
    if (pageRef) return { pageRef, label: pageRef.attributes?.apiName ?? pageRef.type ?? 'a page' };
    const id = toId18(targetId ?? '');
    if (!id) return null;
    const opportunity = org.get('Opportunity', id);
    if (opportunity) {
        return {
            pageRef: {
                type: 'standard__recordPage',
                attributes: { recordId: id, objectApiName: 'Opportunity', actionName: 'view' }
            },
            label: opportunity.Name
        };
    }
    return { pageRef: null, label: id };
}

/** What the outbox shows of an email: everything but the attachments' bytes, with an id to fetch them by. */
function emailView(email, index) {
    return {
        id: index,
        from: email.from,
        senderDisplayName: email.senderDisplayName,
        replyTo: email.replyTo,
        to: email.to ?? [],
        cc: email.cc ?? [],
        bcc: email.bcc ?? [],
        subject: email.subject,
        plainTextBody: email.plainTextBody,
        htmlBody: email.htmlBody,
        whatId: email.whatId,
        targetObjectId: email.targetObjectId,
        sentAt: email.sentAt,
        attachments: (email.attachments ?? []).map((attachment, n) => ({
            id: n,
            fileName: attachment.fileName,
            contentType: attachment.contentType,
            inline: attachment.inline,
            size: attachment.body ? attachment.body.length : 0
        }))
    };
}

/** The message a failure shows: an Apex exception as "Type: message", anything else as its own message. */
function messageOf(error) {
    if (!error) return null;
    return auraErrorBody(error).body.message;
}

/** The daily job's anonymous Apex: the public constructor FollowUpJob(Date asOf, Boolean sendDigest). */
export function dailyJobApex(sendDigest) {
    return `Database.executeBatch(new FollowUpJob(Date.today(), ${sendDigest ? 'true' : 'false'}), 200);`;
}

/**
 * The tools for the Apex `session` (apex-runtime/session.mjs) of the preview's org. `adminId`: the org's admin, who
 * runs the daily job. Each method answers the previewed user (org.currentUserId) or throws a toolError.
 */
export function createFollowUpTools({ session, adminId }) {
    const org = session.org;
    return {
        /** The previewed user's notifications, newest first, with the org's time to say "2 hours ago" from. */
        notifications() {
            const userId = org.currentUserId;
            const list = newestFirst(notificationsOf(org, userId)).map((notification) => ({
                id: notification.id,
                typeDeveloperName: notification.typeDeveloperName,
                title: notification.title,
                body: notification.body,
                sentAt: notification.sentAt,
                read: Boolean(notification.read),
                target: targetOf(org, notification)
            }));
            return { userId, now: org.now(), unread: list.filter((n) => !n.read).length, notifications: list };
        },

        /**
         * Marks the previewed user's notifications read: all of them, or those whose id is in `ids`. Answers the list
         * as it is then.
         */
        markRead({ ids } = {}) {
            notificationsOf(org);
            if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => typeof id === 'string'))) {
                throw toolError(400, 'ids must be a list of notification ids, or left out to mark them all read.');
            }
            if (typeof org.markNotificationsRead !== 'function') {
                throw toolError(
                    501,
                    'The embedded org cannot mark notifications read: org.markNotificationsRead(userId) is missing ' +
                        '(preview/org/org.mjs).'
                );
            }
            if (ids === undefined) org.markNotificationsRead(org.currentUserId);
            else org.markNotificationsRead(org.currentUserId, ids);
            return this.notifications();
        },

        /** Every email the org sent, newest first. */
        outbox() {
            const emails = org.outbox().map(emailView);
            return { now: org.now(), emails: newestFirst(emails) };
        },

        /** One attachment's bytes: { fileName, contentType, body (Buffer) }, or a 404. */
        attachment(emailId, attachmentId) {
            const email = org.outbox()[Number(emailId)];
            const attachment = email?.attachments?.[Number(attachmentId)];
            if (!attachment) throw toolError(404, `The outbox has no attachment ${attachmentId} on email ${emailId}.`);
            return {
                fileName: attachment.fileName || `attachment-${attachmentId}`,
                contentType: attachment.contentType || 'application/octet-stream',
                body: Buffer.from(attachment.body ?? [])
            };
        },

        /**
         * Runs the daily follow-up job as the admin: Database.executeBatch(new FollowUpJob(Date.today(), digest), 200)
         * as anonymous Apex. Its batch runs once that transaction commits. Answers what the run produced (the new
         * notifications and emails), the asynchronous jobs it ran, and the error if the Apex or a job failed.
         */
        runDailyJob({ sendDigest } = {}) {
            if (typeof sendDigest !== 'boolean') {
                throw toolError(400, 'sendDigest must be true or false (include the Monday manager digest or not).');
            }
            const apex = dailyJobApex(sendDigest);
            const notificationsBefore = notificationsOf(org).length;
            const emailsBefore = org.outbox().length;
            const jobsBefore = session.asyncJobs.length;
            let failure = null;
            try {
                session.transaction(adminId, (rt) => rt.runAnonymous(apex));
            } catch (error) {
                failure = error;
            }
            const jobs = session.asyncJobs.slice(jobsBefore).map((job) => ({
                type: job.type,
                id: job.id,
                status: job.status,
                error: messageOf(job.error)
            }));
            const failedJobs = jobs.filter((job) => job.error || /^(Failed|Aborted)$/i.test(String(job.status)));
            const error =
                messageOf(failure) ??
                (failedJobs.length
                    ? failedJobs
                          .map((job) => `${job.type} ${job.id} ${job.status}: ${job.error ?? 'no message'}`)
                          .join('; ')
                    : null);
            return {
                ok: !error,
                apex,
                asOf: org.today,
                notifications: notificationsOf(org).length - notificationsBefore,
                emails: org.outbox().length - emailsBefore,
                jobs,
                error
            };
        }
    };
}
