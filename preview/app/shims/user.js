// @salesforce/user/Id for the preview: the demo user the server signed in as.
export default window.__TANDEM_PREVIEW__?.userId ?? '';
