// Crypto digests, MACs and AES keys (Apex Reference, "Crypto Class"), their Blobs through EncodingUtil, and how
// Blobs and the Strings made of them compare. The expected digests and MACs are the published test vectors of the
// algorithms' own standards, never values computed by the runtime: RFC 1321 (MD5), RFC 3174 (SHA-1), FIPS 180-2
// (SHA-256, SHA-512), FIPS 202 examples (SHA3-*), RFC 2202 (HMAC-MD5, HMAC-SHA1), RFC 4231 (HMAC-SHA256/512).
import { table } from './harness.mjs';

const CRYPTO =
    'Apex Reference, Crypto Class (https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_classes_restful_crypto.htm)';
const ENCODING = 'Apex Reference, EncodingUtil Class: base64Encode, base64Decode, convertToHex, convertFromHex';
const OPERATORS =
    'Apex Developer Guide, Expression Operators: == "String comparison using == is case-insensitive"; String.equals is case-sensitive';
const BLOB_EQUALS =
    'Blob equality with == (https://salesforce.stackexchange.com/questions/236490/how-to-check-blob-objects-for-equality): value equality, byte for byte';

const hex = (expression) => `EncodingUtil.convertToHex(${expression})`;
const digest = (algorithm, text) => hex(`Crypto.generateDigest('${algorithm}', Blob.valueOf('${text}'))`);
const mac = (algorithm, text, key) => hex(`Crypto.generateMac('${algorithm}', Blob.valueOf('${text}'), ${key})`);
const JEFE = "Blob.valueOf('Jefe')";
const JEFE_TEXT = 'what do ya want for nothing?';
// RFC 4231 test case 1: a key of twenty 0x0b bytes, data "Hi There".
const KEY_0B = `EncodingUtil.convertFromHex('${'0b'.repeat(20)}')`;

const RFC4231_2_SHA256 = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
const JEFE_MAC = `Crypto.generateMac('hmacSHA256', Blob.valueOf('${JEFE_TEXT}'), ${JEFE})`;

table(
    'Crypto.generateDigest gives the standard digests for every documented algorithm name',
    [],
    [
        ['MD5', '', 'd41d8cd98f00b204e9800998ecf8427e', 'RFC 1321 appendix A.5, MD5 ("")'],
        ['MD5', 'abc', '900150983cd24fb0d6963f7d28e17f72', 'RFC 1321 appendix A.5, MD5 ("abc")'],
        ['SHA1', 'abc', 'a9993e364706816aba3e25717850c26c9cd0d89d', 'RFC 3174 section 7.3, TEST1'],
        [
            'SHA-256',
            'abc',
            'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
            'FIPS 180-2 appendix B.1'
        ],
        [
            'SHA-512',
            'abc',
            'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
            'FIPS 180-2 appendix C.1'
        ],
        [
            'SHA3-256',
            'abc',
            '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532',
            'NIST FIPS 202 example values, SHA3-256 "abc"'
        ],
        [
            'SHA3-384',
            'abc',
            'ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25',
            'NIST FIPS 202 example values, SHA3-384 "abc"'
        ],
        [
            'SHA3-512',
            'abc',
            'b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0',
            'NIST FIPS 202 example values, SHA3-512 "abc"'
        ]
    ].map(([algorithm, text, expected, vector]) => ({
        apex: digest(algorithm, text),
        expected,
        doc: `${CRYPTO}: generateDigest, algorithm ${algorithm}; vector: ${vector}`
    }))
);

table(
    'Crypto.generateMac gives the RFC 2202 and RFC 4231 MACs',
    [],
    [
        {
            apex: mac('hmacMD5', JEFE_TEXT, JEFE),
            expected: '750c783e6ab0b503eaa86e310a5db738',
            doc: `${CRYPTO}: generateMac hmacMD5; vector: RFC 2202 section 2, test case 2`
        },
        {
            apex: mac('hmacSHA1', JEFE_TEXT, JEFE),
            expected: 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79',
            doc: `${CRYPTO}: generateMac hmacSHA1; vector: RFC 2202 section 3, test case 2`
        },
        {
            apex: mac('hmacSHA256', 'Hi There', KEY_0B),
            expected: 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
            doc: `${CRYPTO}: generateMac hmacSHA256; vector: RFC 4231 section 4.2, test case 1`
        },
        {
            apex: mac('hmacSHA256', JEFE_TEXT, JEFE),
            expected: RFC4231_2_SHA256,
            doc: `${CRYPTO}: generateMac hmacSHA256; vector: RFC 4231 section 4.3, test case 2`
        },
        {
            apex: mac('hmacSHA512', JEFE_TEXT, JEFE),
            expected:
                '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
            doc: `${CRYPTO}: generateMac hmacSHA512; vector: RFC 4231 section 4.3, test case 2`
        },
        {
            apex: mac('HmacSHA256', JEFE_TEXT, JEFE),
            expected: RFC4231_2_SHA256,
            doc: `${CRYPTO}: generateMac; the algorithm name is matched without regard to case`,
            note: 'the reference spells it hmacSHA256; platform code samples use HmacSHA256 too'
        },
        {
            apex: `${JEFE_MAC}.size()`,
            expected: '32',
            doc: `${CRYPTO}: generateMac hmacSHA256 returns the 256-bit MAC as a Blob; Blob Class: size()`
        }
    ]
);

table(
    'Crypto.generateAesKey makes a key of the requested size',
    [],
    [
        ...[128, 192, 256].map((bits) => ({
            apex: `Crypto.generateAesKey(${bits}).size()`,
            expected: String(bits / 8),
            doc: `${CRYPTO}: generateAesKey(size), size in bits: 128, 192 or 256; Blob Class: size() in bytes`
        })),
        {
            apex: 'Crypto.generateAesKey(256) == Crypto.generateAesKey(256)',
            expected: 'false',
            doc: `${CRYPTO}: generateAesKey generates a new random key on each call`
        }
    ]
);

table(
    'Crypto refuses undocumented algorithms, bad key sizes and null arguments',
    [],
    [
        {
            apex: "Crypto.generateDigest('SHA256', Blob.valueOf('abc'))",
            throws: 'System.InvalidParameterValueException',
            doc: `${CRYPTO}: generateDigest names SHA-256 (with the hyphen), not SHA256; exceptions table: InvalidParameterValue for an invalid algorithm`
        },
        {
            apex: "Crypto.generateDigest('SHA-384', Blob.valueOf('abc'))",
            throws: 'System.InvalidParameterValueException',
            doc: `${CRYPTO}: generateDigest lists no SHA-384 (only SHA3-384)`
        },
        {
            apex: "Crypto.generateMac('hmacSHA384', Blob.valueOf('abc'), Blob.valueOf('k'))",
            throws: 'System.InvalidParameterValueException',
            doc: `${CRYPTO}: generateMac lists hmacMD5, hmacSHA1, hmacSHA256 and hmacSHA512 only`
        },
        {
            apex: "Crypto.generateMac('SHA-256', Blob.valueOf('abc'), Blob.valueOf('k'))",
            throws: 'System.InvalidParameterValueException',
            doc: `${CRYPTO}: generateMac takes a MAC algorithm name, not a digest name`
        },
        {
            apex: 'Crypto.generateAesKey(64)',
            throws: 'System.InvalidParameterValueException',
            doc: `${CRYPTO}: generateAesKey(size): valid sizes are 128, 192 and 256`
        },
        {
            apex: "Crypto.generateDigest('SHA-256', null)",
            throws: 'System.NullPointerException',
            doc: `${CRYPTO}: exceptions table: NullPointerException "Argument can't be null" for a null required argument`
        },
        {
            apex: "Crypto.generateMac('hmacSHA256', Blob.valueOf('abc'), null)",
            throws: 'System.NullPointerException',
            doc: `${CRYPTO}: exceptions table: NullPointerException for a null required argument`
        },
        {
            apex: "Crypto.generateMac(null, Blob.valueOf('abc'), Blob.valueOf('k'))",
            throws: 'System.NullPointerException',
            doc: `${CRYPTO}: exceptions table: NullPointerException for a null required argument`
        }
    ]
);

table(
    'MAC Blobs through EncodingUtil, and comparisons of Blobs and of the Strings made from them',
    [],
    [
        {
            apex: `EncodingUtil.base64Encode(${JEFE_MAC})`,
            expected: Buffer.from(RFC4231_2_SHA256, 'hex').toString('base64'),
            doc: `${ENCODING}; RFC 4231 test case 2 MAC, base64 of its bytes (RFC 4648)`
        },
        {
            apex: hex(`EncodingUtil.base64Decode(EncodingUtil.base64Encode(${JEFE_MAC}))`),
            expected: RFC4231_2_SHA256,
            doc: `${ENCODING}: base64Decode gives back the Blob base64Encode was given`
        },
        {
            apex: `EncodingUtil.convertFromHex('${RFC4231_2_SHA256}') == ${JEFE_MAC}`,
            expected: 'true',
            doc: `${ENCODING}: convertFromHex of the hex gives the same bytes; ${BLOB_EQUALS}`
        },
        {
            apex: "Blob.valueOf('hello world') == Blob.valueOf('Hello world')",
            expected: 'false',
            doc: `${BLOB_EQUALS}: Blobs are binary, so the comparison is case-sensitive`
        },
        {
            apex: `${hex(JEFE_MAC)} == '${RFC4231_2_SHA256.toUpperCase()}'`,
            expected: 'true',
            doc: OPERATORS
        },
        {
            apex: `${hex(JEFE_MAC)}.equals('${RFC4231_2_SHA256.toUpperCase()}')`,
            expected: 'false',
            doc: `${OPERATORS}; EncodingUtil.convertToHex returns lowercase hexadecimal`
        },
        {
            apex: `${JEFE_MAC}.toString()`,
            throws: 'System.StringException',
            doc: 'Apex Reference, Blob Class: toString() reads the Blob as UTF-8; a MAC is not UTF-8',
            note: '"BLOB is not a valid UTF-8 string" is the platform output quoted in https://salesforce.stackexchange.com/questions/229774/md5-blob-cannot-convert-to-string'
        }
    ]
);
