import { LightningElement } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import { NOTIFICATIONS_CHANGED, callPreview } from '../../../shims/apex';
import { plural } from 'c/planHealth';
import { fullTime, relativeTime } from 'preview/time';

/** A size in the user's locale: "12 KB". */
function sizeOf(bytes) {
    const format = (value, unit) =>
        `${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit}`;
    if (bytes < 1024) return format(bytes, 'bytes');
    if (bytes < 1024 * 1024) return format(bytes / 1024, 'KB');
    return format(bytes / (1024 * 1024), 'MB');
}

const listOf = (addresses) => (addresses ?? []).join(', ');

/**
 * The preview's Outbox tab (preview only): every email the embedded org sent, newest first, one open at a time with
 * its HTML body in a sandboxed frame (no scripts, no same-origin access), its plain text body and its attachments to
 * download; and the "Run the daily job" control, which runs the package's FollowUpJob as the org's admin and says
 * how many notifications and emails the run produced, or why it failed.
 */
export default class Outbox extends LightningElement {
    emails = [];
    now = null;
    selectedId = null;
    loadError = '';
    loaded = false;
    sendDigest = false;
    running = false;
    runResult = null;

    connectedCallback() {
        this.load();
    }

    async load() {
        try {
            const { now, emails } = await callPreview('outbox');
            const arrived = emails.length > this.emails.length && this.loaded;
            this.now = now;
            this.emails = emails;
            this.loadError = '';
            // The newest opens first, and again when new emails arrive (after a run of the daily job).
            if (arrived || !emails.some((email) => email.id === this.selectedId))
                this.selectedId = emails[0]?.id ?? null;
        } catch (error) {
            this.loadError = `The outbox could not be read: ${error.message}`;
        } finally {
            this.loaded = true;
        }
    }

    get hasEmails() {
        return this.emails.length > 0;
    }

    get isEmpty() {
        return this.loaded && !this.loadError && this.emails.length === 0;
    }

    get emailCount() {
        return new Intl.NumberFormat(LOCALE).format(this.emails.length);
    }

    get rows() {
        return this.emails.map((email) => {
            const selected = email.id === this.selectedId;
            return {
                id: email.id,
                key: `email-${email.id}`,
                subject: email.subject || '(no subject)',
                to: listOf(email.to) || '(no recipient)',
                when: relativeTime(email.sentAt, this.now, LOCALE),
                whenTitle: fullTime(email.sentAt, LOCALE),
                sentAt: email.sentAt,
                attachmentCount: email.attachments.length,
                hasAttachments: email.attachments.length > 0,
                attachmentsLabel: plural(email.attachments.length, 'attachment', 'attachments', LOCALE),
                current: selected ? 'true' : null,
                className: `email slds-p-around_small${selected ? ' email_selected' : ''}`
            };
        });
    }

    get selected() {
        const email = this.emails.find((candidate) => candidate.id === this.selectedId);
        if (!email) return null;
        return {
            ...email,
            subject: email.subject || '(no subject)',
            sender: email.senderDisplayName ? `${email.senderDisplayName} <${email.from}>` : email.from,
            toList: listOf(email.to),
            ccList: listOf(email.cc),
            bccList: listOf(email.bcc),
            when: fullTime(email.sentAt, LOCALE),
            ago: relativeTime(email.sentAt, this.now, LOCALE),
            hasHtml: Boolean(email.htmlBody),
            hasPlain: Boolean(email.plainTextBody),
            frameTitle: `HTML body of "${email.subject || 'the email'}"`,
            hasAttachments: email.attachments.length > 0,
            attachments: email.attachments.map((attachment) => ({
                ...attachment,
                key: `attachment-${email.id}-${attachment.id}`,
                href: `/api/preview/outbox/${email.id}/attachments/${attachment.id}`,
                details: `${attachment.contentType || 'unknown type'} · ${sizeOf(attachment.size)}`,
                icon: /pdf/i.test(attachment.contentType) ? 'doctype:pdf' : 'doctype:attachment'
            }))
        };
    }

    /**
     * The open email's HTML body in an iframe with sandbox="" (no scripts, forms, popups or same-origin access) and
     * the body as its srcdoc. Made here because LWC templates refuse a bound srcdoc; redrawn only when the open email
     * changes, so a reader's scroll position and resizing stay.
     */
    renderedCallback() {
        const holder = this.template.querySelector('[data-id="html-frame"]');
        const email = this.selected;
        if (!holder || !email?.hasHtml) return;
        const key = `${email.id}`;
        if (holder.dataset.shown === key) return;
        const frame = document.createElement('iframe');
        frame.setAttribute('sandbox', '');
        frame.setAttribute('title', email.frameTitle);
        frame.className = 'html-body slds-box slds-p-around_none';
        frame.srcdoc = email.htmlBody;
        holder.replaceChildren(frame);
        holder.dataset.shown = key;
    }

    select(event) {
        event.preventDefault();
        this.selectedId = Number(event.currentTarget.dataset.id);
        // On a narrow window the email shows below the list: bring it into view.
        if (window.matchMedia('(max-width: 63.99em)').matches) {
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            requestAnimationFrame(() => this.template.querySelector('[data-id="detail"]')?.scrollIntoView());
        }
    }

    handleDigest(event) {
        this.sendDigest = event.target.checked;
    }

    get runLabel() {
        return this.running ? 'Running the daily job…' : 'Run the daily job';
    }

    get runSucceeded() {
        return Boolean(this.runResult && !this.runResult.error);
    }

    get runFailed() {
        return Boolean(this.runResult?.error);
    }

    /** Runs FollowUpJob as the admin, then reads the outbox again and tells the bell. */
    async runDailyJob() {
        if (this.running) return;
        this.running = true;
        this.runResult = null;
        try {
            const result = await callPreview('daily-job', { sendDigest: this.sendDigest });
            const produced = `${plural(result.notifications, 'notification', 'notifications', LOCALE)} and ${plural(
                result.emails,
                'email',
                'emails',
                LOCALE
            )}`;
            this.runResult = result.error
                ? { error: `The daily job failed: ${result.error}`, detail: `It produced ${produced}.` }
                : { message: `The daily job ran: ${produced}.`, detail: result.apex };
        } catch (error) {
            this.runResult = { error: `The daily job could not run: ${error.message}`, detail: '' };
        } finally {
            this.running = false;
        }
        window.dispatchEvent(new CustomEvent(NOTIFICATIONS_CHANGED));
        await this.load();
    }
}
