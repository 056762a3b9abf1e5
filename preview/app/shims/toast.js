// lightning/platformShowToastEvent for the preview: the app shell listens and shows an SLDS toast.
export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super('lightning__showtoast', { composed: true, bubbles: true, cancelable: true, detail: toast });
    }
}
