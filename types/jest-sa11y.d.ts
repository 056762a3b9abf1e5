// The @sa11y/jest matcher registered in jest.setup.js.
declare namespace jest {
    interface Matchers<R> {
        toBeAccessible(): Promise<R>;
    }
}
