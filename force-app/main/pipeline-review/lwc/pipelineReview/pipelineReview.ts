import { LightningElement } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import loadPage from '@salesforce/apex/PipelineReviewController.loadPage';
import userId from '@salesforce/user/Id';
// The user's locale (a BCP 47 tag, "en-US") and currency code ("USD"): every number follows the locale, and amounts
// are in the currency the server names, else the user's ("Access Internationalization Properties", LWC Developer
// Guide). Dates are lightning-formatted-date-time, which follows the locale by itself.
import LOCALE from '@salesforce/i18n/locale';
import CURRENCY from '@salesforce/i18n/currency';
import { formatNumber } from 'c/planHealth';
import {
    CLOSE_PERIOD_OPTIONS,
    DEFAULT_FILTERS,
    HEALTH_OPTIONS,
    PAGE_SIZES,
    PLAN_OPTIONS,
    SCOPE_OPTIONS,
    activeFilterCount,
    buildRequest,
    columnChoices,
    filtersForTile,
    headerViews,
    nextSort,
    ownerOptions,
    pagingView,
    reduceErrors,
    restoreState,
    repViews,
    drillIntoRep,
    rowViews,
    serializeState,
    stageOptions,
    storageKey,
    summaryView,
    visibleColumns,
    withColumns,
    withFilter
} from 'c/pipelineReviewModel';
import type {
    ColumnKey,
    Cursor,
    Filters,
    GroupBy,
    HeaderView,
    Option,
    PagingView,
    ReviewOptions,
    ReviewPage,
    ReviewState,
    RepView,
    RowView,
    SummaryView,
    TileAction
} from 'c/pipelineReviewModel';

interface PageReference {
    type: string;
    attributes: Record<string, string>;
}

/** The navigation method NavigationMixin adds, keyed by its symbol. */
interface Navigates {
    [NavigationMixin.Navigate](pageReference: PageReference, replace?: boolean): void;
}

const PAGE_SIZE_OPTIONS: Option[] = PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }));

/**
 * The manager's pipeline review: the open opportunities in scope with the plan behind each, filters, sorting on
 * every column, summary figures, and keyset paging on the server. State is kept per user in localStorage, so a
 * reload shows the same view. Each change asks the server for one page; views are computed once per response.
 */
export default class PipelineReview extends NavigationMixin(LightningElement) {
    state: ReviewState = restoreState(null);
    rows: RowView[] = [];
    /** The review grouped by rep: one row per rep with its figures. */
    reps: RepView[] = [];
    headers: HeaderView[] = headerViews(this.state.sort, this.state.columns);
    /** Which columns are shown, by key: fixed ones always, optional ones as chosen. */
    visible: Record<ColumnKey, boolean> = visibleColumns(this.state.columns);
    showColumnChooser = false;
    /** The chosen columns are wider than the card: the table scrolls sideways, and says so. */
    isWide = false;
    summary: SummaryView | null = null;
    paging: PagingView = pagingView(0, this.state.pageSize, 0, null, false, LOCALE);
    ownerChoices: Option[] = ownerOptions(null, '');
    stageChoices: Option[] = stageOptions(null, '');
    isLoading = false;
    errors: string[] = [];

    private options: ReviewOptions | null = null;
    private currencyCode = CURRENCY;
    private total: number | null = null;
    private pageIndex = 0;
    /** cursors[i] is where page i starts; page 0 starts at the beginning. */
    private cursors: Array<Cursor | null> = [null];
    private nextCursor: Cursor | null = null;
    private latestRequest = 0;

    override connectedCallback(): void {
        this.state = restoreState(this.readSavedState());
        this.applyColumns();
        this.ownerChoices = ownerOptions(null, this.state.filters.ownerId);
        this.stageChoices = stageOptions(null, this.state.filters.stageName);
        this.reload({ summary: true, options: true });
    }

    // ----- template values -------------------------------------------------------------------------------------

    get filters(): Filters {
        return this.state.filters;
    }

    get scopeOptions(): Option[] {
        return [...SCOPE_OPTIONS];
    }

    get closePeriodOptions(): Option[] {
        return [...CLOSE_PERIOD_OPTIONS];
    }

    get healthOptions(): Option[] {
        return [...HEALTH_OPTIONS];
    }

    get planOptions(): Option[] {
        return [...PLAN_OPTIONS];
    }

    get columnOptions(): Option[] {
        return columnChoices();
    }

    get chosenColumns(): string[] {
        return [...this.state.columns];
    }

    get columnChooserExpanded(): string {
        return String(this.showColumnChooser);
    }

    get pageSizeOptions(): Option[] {
        return PAGE_SIZE_OPTIONS;
    }

    get pageSizeValue(): string {
        return String(this.state.pageSize);
    }

    get rowCurrency(): string {
        return this.currencyCode;
    }

    get showEmpty(): boolean {
        return !this.isLoading && this.rows.length === 0 && this.errors.length === 0;
    }

    /** The summary, once it counts at least one deal (an empty pipeline has nothing to summarise). */
    get hasSummaryTiles(): boolean {
        return Boolean(this.summary && this.summary.totalDeals > 0);
    }

    get hasErrors(): boolean {
        return this.errors.length > 0;
    }

    get noFiltersActive(): boolean {
        return activeFilterCount(this.state.filters) === 0;
    }

    get clearLabel(): string {
        const active = activeFilterCount(this.state.filters);
        return active > 0 ? `Clear filters (${formatNumber(active, LOCALE)})` : 'Clear filters';
    }

    get ownersTruncated(): boolean {
        return Boolean(this.options?.ownersTruncated);
    }

    get noPrevious(): boolean {
        return this.isLoading || !this.paging.hasPrevious;
    }

    get noNext(): boolean {
        return this.isLoading || !this.paging.hasNext;
    }

    // ----- events ----------------------------------------------------------------------------------------------

    handleFilterChange(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
        const target = event.target as HTMLElement & { checked?: boolean };
        const name = target.dataset.filter ?? '';
        const value =
            name === 'gatedWithoutPlan' ? Boolean(target.checked ?? event.detail?.checked) : event.detail?.value;
        const filters = withFilter(this.state.filters, name, value);
        if (filters === this.state.filters) {
            return;
        }
        const scopeChanged = filters.scope !== this.state.filters.scope;
        this.applyFilters(filters, scopeChanged);
    }

    handleClearFilters(): void {
        this.applyFilters({ ...DEFAULT_FILTERS, scope: this.state.filters.scope }, false);
    }

    handleTileAction(event: Event): void {
        const action = ((event.currentTarget as HTMLElement).dataset.action ?? '') as TileAction;
        const filters = filtersForTile(this.state.filters, action);
        if (filters !== this.state.filters) {
            this.applyFilters(filters, false);
        }
    }

    handleToggleColumns(): void {
        this.showColumnChooser = !this.showColumnChooser;
    }

    /** The column chooser: which optional columns to show, remembered for this user with the rest of the view. */
    handleColumnsChange(event: CustomEvent<{ value: string[] }>): void {
        this.updateState({ ...this.state, columns: withColumns(event.detail.value ?? []) });
        this.applyColumns();
    }

    /** "Deals" or "By rep": the figures per rep come from the same filters, one aggregate query per figure. */
    handleGroupBy(event: Event): void {
        const groupBy = ((event.currentTarget as HTMLElement).dataset.group === 'owner' ? 'owner' : '') as GroupBy;
        if (groupBy === this.state.groupBy) {
            return;
        }
        this.updateState({ ...this.state, groupBy });
        this.reload({ summary: true, options: false });
    }

    /** Drilling into a rep: the deals view, filtered to that rep. */
    handleDrill(event: Event): void {
        const ownerId = (event.currentTarget as HTMLElement).dataset.owner;
        if (!ownerId) {
            return;
        }
        const state = drillIntoRep(this.state, ownerId);
        this.updateState(state);
        this.ownerChoices = ownerOptions(this.options, state.filters.ownerId);
        this.reload({ summary: true, options: false });
    }

    get showsDeals(): boolean {
        return this.state.groupBy !== 'owner';
    }

    get showNoReps(): boolean {
        return !this.showsDeals && !this.isLoading && this.reps.length === 0;
    }

    get dealsPressed(): string {
        return String(this.showsDeals);
    }

    get repsPressed(): string {
        return String(!this.showsDeals);
    }

    get dealsViewClass(): string {
        return this.showsDeals ? 'slds-button slds-button_brand' : 'slds-button slds-button_neutral';
    }

    get repsViewClass(): string {
        return this.showsDeals ? 'slds-button slds-button_neutral' : 'slds-button slds-button_brand';
    }

    handleSort(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key as ColumnKey;
        this.updateState({ ...this.state, sort: nextSort(this.state.sort, key) });
        this.headers = headerViews(this.state.sort, this.state.columns);
        // The summary does not depend on the order: keep it and its total.
        this.reload({ summary: false, options: false });
    }

    handlePageSize(event: CustomEvent<{ value: string }>): void {
        const size = Number(event.detail.value);
        if (!PAGE_SIZES.includes(size) || size === this.state.pageSize) {
            return;
        }
        this.updateState({ ...this.state, pageSize: size });
        this.reload({ summary: false, options: false });
    }

    handleNext(): void {
        if (!this.paging.hasNext || !this.nextCursor) {
            return;
        }
        this.cursors[this.pageIndex + 1] = this.nextCursor;
        this.load(this.pageIndex + 1, { summary: false, options: false });
    }

    handlePrevious(): void {
        if (this.pageIndex === 0) {
            return;
        }
        this.load(this.pageIndex - 1, { summary: false, options: false });
    }

    handleRefresh(): void {
        this.reload({ summary: true, options: true });
    }

    handleOpen(event: Event): void {
        event.preventDefault();
        const recordId = (event.currentTarget as HTMLElement).dataset.id;
        if (!recordId) {
            return;
        }
        (this as unknown as Navigates)[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId, objectApiName: 'Opportunity', actionName: 'view' }
        });
    }

    override renderedCallback(): void {
        // Measured after each render: whether the chosen columns overflow the card (a narrow screen, or many
        // columns chosen), so the hint above the table says the table scrolls sideways instead of hiding it.
        const scroller = this.template?.querySelector<HTMLElement>('[data-id="table-scroller"]');
        const wide = Boolean(scroller && scroller.scrollWidth > scroller.clientWidth + 1);
        if (wide !== this.isWide) {
            this.isWide = wide;
        }
    }

    // ----- state and loading -----------------------------------------------------------------------------------

    private applyColumns(): void {
        this.headers = headerViews(this.state.sort, this.state.columns);
        this.visible = visibleColumns(this.state.columns);
    }

    private applyFilters(filters: Filters, scopeChanged: boolean): void {
        this.updateState({ ...this.state, filters });
        this.ownerChoices = ownerOptions(this.options, filters.ownerId);
        this.stageChoices = stageOptions(this.options, filters.stageName);
        this.reload({ summary: true, options: scopeChanged });
    }

    private updateState(state: ReviewState): void {
        this.state = state;
        try {
            window.localStorage.setItem(storageKey(userId), serializeState(state));
        } catch {
            // Storage can be full or blocked; the review still works, it just will not remember this view.
        }
    }

    private readSavedState(): string | null {
        try {
            return window.localStorage.getItem(storageKey(userId));
        } catch {
            return null;
        }
    }

    /** Back to the first page, for a new filter, sort or page size. */
    private reload(include: { summary: boolean; options: boolean }): void {
        this.cursors = [null];
        this.load(0, include);
    }

    private async load(pageIndex: number, include: { summary: boolean; options: boolean }): Promise<void> {
        const requestNumber = ++this.latestRequest;
        const cursor = this.cursors[pageIndex] ?? null;
        this.isLoading = true;
        try {
            const page = (await loadPage({ request: buildRequest(this.state, cursor, include) })) as ReviewPage;
            if (requestNumber !== this.latestRequest) {
                return; // A newer request is on its way; this answer is stale.
            }
            this.errors = [];
            this.pageIndex = pageIndex;
            this.nextCursor = page.nextCursor ?? null;
            this.rows = rowViews(page.rows, LOCALE);
            this.reps = repViews(page.reps, LOCALE);
            if (page.summary) {
                this.summary = summaryView(page.summary, this.state.filters, { locale: LOCALE, currency: CURRENCY });
                this.total = page.summary.deals;
                this.currencyCode = page.summary.currencyCode || this.currencyCode;
            }
            if (page.options) {
                this.options = page.options;
                this.ownerChoices = ownerOptions(page.options, this.state.filters.ownerId);
                this.stageChoices = stageOptions(page.options, this.state.filters.stageName);
            }
            this.paging = pagingView(
                pageIndex,
                this.state.pageSize,
                this.rows.length,
                this.total,
                this.nextCursor !== null,
                LOCALE
            );
        } catch (error) {
            if (requestNumber !== this.latestRequest) {
                return;
            }
            this.errors = reduceErrors(error);
            this.rows = [];
            this.paging = pagingView(0, this.state.pageSize, 0, null, false, LOCALE);
        } finally {
            if (requestNumber === this.latestRequest) {
                this.isLoading = false;
            }
        }
    }
}
