// System.Test (Apex Reference, "Test Class") and System.Limits ("Limits Class"). Limits read the counters of the
// current limit context (rt.limits); Test.startTest opens a fresh one and Test.stopTest returns to the outer one
// (Apex Developer Guide, "Using Limits, startTest, and stopTest": "The code before startTest and after stopTest
// has a separate set of limits from the code between them"). Synchronous limits: "Execution Governors and Limits".
import { defineNative } from '../interpreter/natives.mjs';
import { setCurrentPage } from './pages.mjs';
import { deliverTestEvents, testEventBus } from './events.mjs';

import { SYNC_LIMITS } from '../interpreter/runtime.mjs';

const COUNTERS = ['queries', 'queryRows', 'dmlStatements', 'dmlRows', 'publishImmediateDml'];

function testState(rt) {
    rt.services ??= {};
    return (rt.services.test ??= { started: false, outer: null, stopped: false });
}

/** Async work queued in the transaction (functions): Test.stopTest runs it ("all asynchronous calls ... run"). */
export function asyncQueue(rt) {
    rt.services ??= {};
    return (rt.services.asyncQueue ??= []);
}

function startTest(rt) {
    const state = testState(rt);
    // Apex Developer Guide, "Using Limits, startTest, and stopTest": startTest can be called once per test method.
    if (state.started) rt.throw('System.FinalException', 'Testing already started');
    state.started = true;
    state.outer = Object.fromEntries(COUNTERS.map((name) => [name, rt.limits[name] ?? 0]));
    if (typeof rt.resetLimits === 'function') rt.resetLimits();
    else for (const name of COUNTERS) rt.limits[name] = 0;
    return null;
}

function stopTest(rt) {
    const state = testState(rt);
    if (!state.started || state.stopped) rt.unsupported('Test.stopTest without a matching Test.startTest');
    state.stopped = true;
    const queue = asyncQueue(rt);
    // Work the drained work queues in turn is collected too and runs in the same drain (async/jobs.mjs); so are the
    // platform events on the test event bus ("The Test.stopTest() statement causes the event publishing to be
    // carried out and event messages to be delivered", platform/events.mjs) and what their triggers queue.
    state.draining = true;
    try {
        do {
            while (queue.length) queue.shift()();
            deliverTestEvents(rt);
        } while (queue.length);
    } finally {
        state.draining = false;
    }
    if (typeof rt.restoreLimits === 'function') rt.restoreLimits(state.outer);
    else Object.assign(rt.limits, state.outer);
    return null;
}

const unsupported = (name) => (rt) => rt.unsupported(`Test.${name}`);

defineNative({
    name: 'Test',
    isInstance: () => false,
    staticMethods: {
        starttest: startTest,
        stoptest: stopTest,
        isrunningtest: (rt) => rt.isTest === true,
        getstandardpricebookid: unsupported('getStandardPricebookId'),
        setmock: unsupported('setMock'),
        // "setCurrentPage(page): A Visualforce test method that sets the current PageReference for the controller";
        // setCurrentPageReference does the same (Test Class). ApexPages.currentPage() answers it (pages.mjs).
        setcurrentpage: (rt, [page]) => setCurrentPage(rt, page),
        setcurrentpagereference: (rt, [page]) => setCurrentPage(rt, page),
        loaddata: unsupported('loadData'),
        setfixedsearchresults: unsupported('setFixedSearchResults'),
        setcreateddate: unsupported('setCreatedDate'),
        setreadonlyapplicationmode: unsupported('setReadOnlyApplicationMode'),
        enqueuebatchjobs: unsupported('enqueueBatchJobs'),
        // Apex Reference, "Test Class": getEventBus() returns the test event bus, an EventBus.TestBroker.
        geteventbus: testEventBus,
        createstub: unsupported('createStub'),
        testinstall: unsupported('testInstall'),
        testuninstall: unsupported('testUninstall')
    }
});

const used = (name) => (rt) => rt.limits[name] ?? 0;
// The maxima of the current limit context: asynchronous Apex has its own (runtime.mjs, ASYNC_LIMITS).
const limit = (name) => (rt) => rt.limitMax?.[name] ?? SYNC_LIMITS[name];

defineNative({
    name: 'Limits',
    isInstance: () => false,
    staticMethods: {
        getqueries: used('queries'),
        getlimitqueries: limit('queries'),
        getqueryrows: used('queryRows'),
        getlimitqueryrows: limit('queryRows'),
        getdmlstatements: used('dmlStatements'),
        getlimitdmlstatements: limit('dmlStatements'),
        getdmlrows: used('dmlRows'),
        getlimitdmlrows: limit('dmlRows'),
        // EventBus.publish of Publish Immediately events (platform/events.mjs).
        getpublishimmediatedml: used('publishImmediateDml'),
        getlimitpublishimmediatedml: limit('publishImmediateDml'),
        // CPU time is not measured like the platform's; the transaction's wall time since it started stands in.
        getcputime: (rt) =>
            rt.services?.startedAt ? Math.max(0, Math.round(performance.now() - rt.services.startedAt)) : 0,
        getlimitcputime: limit('cpuTime'),
        getheapsize: (rt) => rt.unsupported('Limits.getHeapSize'),
        getaggregatequeries: (rt) => rt.unsupported('Limits.getAggregateQueries'),
        getcallouts: (rt) => rt.unsupported('Limits.getCallouts'),
        getfuturecalls: (rt) => rt.unsupported('Limits.getFutureCalls'),
        getqueueablejobs: (rt) => rt.unsupported('Limits.getQueueableJobs')
    }
});
