// The Apex interpreter's public entry (../README.md, "The interpreter"):
//   const program = loadProgram({ root, directories });
//   const rt = program.transaction({ org, userId, isTest });
//   rt.callStatic(className, methodName, args) / rt.runAnonymous(code) / rt.evaluate(expr) / rt.callAura(...)
//   program.coverage() / program.resetCoverage() / program.testClasses()
export { loadProgram, Program } from './program.mjs';
export { ApexThrow, UnsupportedError, ApexCompileError } from './errors.mjs';
export { defineNative, nativeClass, nativeClassOf, nativeClasses } from './natives.mjs';
