import { LightningElement } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import { NOTIFICATIONS_CHANGED, callPreview } from '../../../shims/apex';
import { hasPageFor, navigateTo, subscribe, urlFor } from '../../../shims/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { relativeTime, fullTime } from 'preview/time';

/**
 * The global header's notification bell, as Lightning Experience has it: an icon button with the previewed user's
 * unread count, opening a panel of their custom notifications, newest first. Opening one marks the user's
 * notifications read (all of them) and goes to its target (an opportunity's record page, or a tab the preview has). Escape, the
 * close button or a click elsewhere closes the panel, and focus goes back to the bell.
 */
export default class NotificationBell extends LightningElement {
    open = false;
    loading = false;
    error = '';
    items = [];
    unread = 0;
    now = null;

    connectedCallback() {
        this.onChanged = () => this.refresh();
        this.onDocumentClick = (event) => {
            if (this.open && !this.template.host.contains(event.target)) this.close(false);
        };
        window.addEventListener(NOTIFICATIONS_CHANGED, this.onChanged);
        document.addEventListener('click', this.onDocumentClick);
        // What a user did on the page before may have sent them a notification: counted again on every navigation.
        this.unsubscribe = subscribe(this.onChanged);
        this.refresh();
    }

    disconnectedCallback() {
        this.unsubscribe?.();
        window.removeEventListener(NOTIFICATIONS_CHANGED, this.onChanged);
        document.removeEventListener('click', this.onDocumentClick);
    }

    async refresh() {
        this.loading = true;
        try {
            this.show(await callPreview('notifications'));
        } catch (error) {
            this.error = `Notifications are not available: ${error.message}`;
        } finally {
            this.loading = false;
        }
    }

    show(result) {
        this.error = '';
        this.now = result.now;
        this.unread = result.unread;
        this.items = result.notifications.map((notification) => this.itemOf(notification));
    }

    itemOf(notification) {
        const pageRef = notification.target?.pageRef ?? null;
        const opens = Boolean(pageRef && hasPageFor(pageRef));
        return {
            ...notification,
            href: opens ? urlFor(pageRef) : '#',
            opens,
            className: `slds-global-header__notification${notification.read ? '' : ' slds-global-header__notification_unread'}`,
            when: relativeTime(notification.sentAt, this.now, LOCALE),
            whenTitle: fullTime(notification.sentAt, LOCALE),
            unread: !notification.read
        };
    }

    get hasUnread() {
        return this.unread > 0;
    }

    /** The badge's text: Lightning caps it. */
    get badge() {
        return this.unread > 99 ? '99+' : String(this.unread);
    }

    get buttonLabel() {
        if (this.error) return 'Notifications (not available)';
        if (!this.unread) return 'Notifications';
        return `Notifications: ${this.unread} unread`;
    }

    get buttonClass() {
        return `slds-button slds-button_icon slds-button_icon-container slds-global-actions__notifications slds-global-actions__item-action${this.hasUnread ? ' slds-incoming-notification' : ''}`;
    }

    get expanded() {
        return this.open ? 'true' : 'false';
    }

    get isEmpty() {
        return !this.error && !this.loading && this.items.length === 0;
    }

    toggle(event) {
        event.stopPropagation();
        if (this.open) {
            this.close(true);
            return;
        }
        this.open = true;
        this.refresh();
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        requestAnimationFrame(() => this.template.querySelector('[data-id="panel-heading"]')?.focus());
    }

    close(returnFocus = true) {
        this.open = false;
        if (returnFocus) this.template.querySelector('[data-id="bell"]')?.focus();
    }

    handleClose() {
        this.close(true);
    }

    handleKeydown(event) {
        if (event.key === 'Escape' && this.open) {
            event.preventDefault();
            event.stopPropagation();
            this.close(true);
        }
    }

    /** Marks the user's notifications read, then goes to the notification's target if the preview has it. */
    async openNotification(event) {
        event.preventDefault();
        const item = this.items.find((candidate) => candidate.id === event.currentTarget.dataset.id);
        if (!item) return;
        try {
            this.show(await callPreview('notifications/read'));
        } catch (error) {
            this.error = `Could not mark the notifications read: ${error.message}`;
            return;
        }
        this.close(false);
        if (item.opens) {
            navigateTo(item.target.pageRef);
            return;
        }
        const where = item.target?.label ? ` (${item.target.label})` : '';
        this.dispatchEvent(
            new ShowToastEvent({
                title: 'The preview cannot open this notification',
                message: `The preview has no page for its target${where}.`,
                variant: 'warning'
            })
        );
    }
}
