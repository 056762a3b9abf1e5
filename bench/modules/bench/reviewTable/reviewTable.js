import { LightningElement } from 'lwc';
import loadPage from '@salesforce/apex/PipelineReviewController.loadPage';
import { buildRequest, DEFAULT_STATE } from 'c/pipelineReviewModel';
import { benchReviewRequest } from '../../../review-request.mjs';

// The bench's baseline for the pipeline review: the same page of rows, from the same Apex call with the same
// request (so the server's share is equal), in a plain lightning-datatable with the same thirteen columns, sorted
// on the server through the datatable's own sort event. No decorators: the bench drives it through its host
// element (a `benchfilter` event stands in for the review's filter controls), which keeps this file plain JavaScript.
const COLUMNS = [
    {
        label: 'Opportunity',
        fieldName: 'recordUrl',
        type: 'url',
        typeAttributes: { label: { fieldName: 'name' } },
        sortable: true,
        sortKey: 'name'
    },
    { label: 'Owner', fieldName: 'ownerName', sortable: true, sortKey: 'owner' },
    { label: 'Stage', fieldName: 'stageName', sortable: true, sortKey: 'stage' },
    {
        label: 'Amount',
        fieldName: 'amount',
        type: 'currency',
        typeAttributes: { currencyCode: 'USD', maximumFractionDigits: 0 },
        sortable: true,
        sortKey: 'amount'
    },
    { label: 'Close date', fieldName: 'closeDate', type: 'date-local', sortable: true, sortKey: 'closeDate' },
    {
        label: 'Projected close',
        fieldName: 'projectedCloseDate',
        type: 'date-local',
        sortable: true,
        sortKey: 'projectedClose'
    },
    { label: 'Plan', fieldName: 'planStatus', sortable: true, sortKey: 'planStatus' },
    { label: 'Health', fieldName: 'health', sortable: true, sortKey: 'health' },
    { label: 'Completion', fieldName: 'completion', type: 'percent', sortable: true, sortKey: 'completion' },
    {
        label: 'Buyer completion',
        fieldName: 'buyerCompletion',
        type: 'percent',
        sortable: true,
        sortKey: 'buyerCompletion'
    },
    { label: 'Overdue', fieldName: 'overdueMilestoneCount', type: 'number', sortable: true, sortKey: 'overdue' },
    { label: 'Slip days', fieldName: 'totalSlipDays', type: 'number', sortable: true, sortKey: 'slipDays' },
    { label: 'Buyer acceptance', fieldName: 'acceptance', sortable: true, sortKey: 'acceptance' }
];

// The review's first load: everything the user can see, soonest close first, with the summary and the options.
const FIRST_REQUEST = benchReviewRequest({ buildRequest, DEFAULT_STATE });

export default class ReviewTable extends LightningElement {
    columns = COLUMNS;
    rows = [];
    sortedBy = 'closeDate';
    sortedDirection = 'asc';
    isLoading = false;
    request = FIRST_REQUEST;

    connectedCallback() {
        this.addEventListener('benchfilter', (event) => {
            // As the review does for a filter: the new filter, back to the first page, with the summary.
            this.load({ ...this.request, ...event.detail, includeSummary: true, includeOptions: false });
        });
        this.load(FIRST_REQUEST);
    }

    handleSort(event) {
        const { fieldName, sortDirection } = event.detail;
        const column = COLUMNS.find((candidate) => candidate.fieldName === fieldName);
        this.sortedBy = fieldName;
        this.sortedDirection = sortDirection;
        // As the review does for a sort: the first page in the new order, without the summary.
        this.load({
            ...this.request,
            sortBy: column.sortKey,
            sortDirection,
            includeSummary: false,
            includeOptions: false
        });
    }

    async load(request) {
        this.request = request;
        this.isLoading = true;
        const page = await loadPage({ request });
        this.rows = page.rows.map((row) => ({
            ...row,
            recordUrl: `/lightning/r/Opportunity/${row.opportunityId}/view`,
            planStatus: row.planStatus ?? 'No plan',
            health: row.health ?? (row.planId ? row.planStatus : 'No plan'),
            completion: row.planId ? (row.completionPercent ?? 0) / 100 : null,
            buyerCompletion: row.planId ? (row.buyerCompletionPercent ?? 0) / 100 : null,
            acceptance: row.planId ? (row.buyerAccepted ? 'Accepted' : 'Not yet') : null
        }));
        this.isLoading = false;
    }
}
