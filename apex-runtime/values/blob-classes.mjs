// Blob, EncodingUtil and Crypto's random numbers, digests, MACs and AES keys (Apex Reference, "Blob Class",
// "EncodingUtil Class", "Crypto Class").
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { defineNative } from '../interpreter/natives.mjs';
import { ApexBlob } from './values.mjs';
import { fail } from './types.mjs';
import { required } from './native-util.mjs';

const blobOf = (text) => new ApexBlob(new Uint8Array(Buffer.from(text, 'utf8')));
const bufferOf = (blob) => Buffer.from(blob.bytes);

export const BlobNative = defineNative({
    name: 'Blob',
    isInstance: (value) => value instanceof ApexBlob,
    staticMethods: {
        valueof: (rt, [text]) => blobOf(required(rt, text)),
        topdf: (rt) => rt.unsupported('Blob.toPdf')
    },
    instanceMethods: {
        size: (rt, blob) => blob.bytes.length,
        // Apex Reference, Blob Class: toString casts the Blob to a String (UTF-8). Bytes that are not UTF-8 (a digest,
        // a MAC) throw; the message is the platform's output, quoted in "MD5 Blob Cannot Convert to String"
        // (https://salesforce.stackexchange.com/questions/229774/md5-blob-cannot-convert-to-string).
        tostring(rt, blob) {
            try {
                return new TextDecoder('utf-8', { fatal: true }).decode(blob.bytes);
            } catch {
                return fail(rt, 'System.StringException', 'BLOB is not a valid UTF-8 string');
            }
        }
    }
});

/** Java URLEncoder.encode(s, 'UTF-8'): spaces become '+', and * - . _ stay. */
function urlEncode(text) {
    return encodeURIComponent(text)
        .replace(/%20/g, '+')
        .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const checkUtf8 = (rt, encoding) => {
    if (!/^utf-?8$/i.test(String(encoding))) {
        fail(rt, 'System.StringException', `Unsupported encoding: ${encoding}`);
    }
};

export const EncodingUtilNative = defineNative({
    name: 'EncodingUtil',
    staticMethods: {
        base64encode: (rt, [blob]) => bufferOf(required(rt, blob)).toString('base64'),
        base64decode: (rt, [text]) => new ApexBlob(new Uint8Array(Buffer.from(required(rt, text), 'base64'))),
        converttohex: (rt, [blob]) => bufferOf(required(rt, blob)).toString('hex'),
        convertfromhex: (rt, [text]) => new ApexBlob(new Uint8Array(Buffer.from(required(rt, text), 'hex'))),
        urlencode(rt, [text, encoding]) {
            checkUtf8(rt, encoding);
            return urlEncode(required(rt, text));
        },
        urldecode(rt, [text, encoding]) {
            checkUtf8(rt, encoding);
            return decodeURIComponent(required(rt, text).replace(/\+/g, ' '));
        }
    }
});

// Apex Reference, "Crypto Class" (https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/
// apex_classes_restful_crypto.htm): generateDigest(algorithmName, input) accepts MD5, SHA1, SHA3-256, SHA3-384,
// SHA3-512, SHA-256 and SHA-512; generateMac(algorithmName, input, privateKey) accepts hmacMD5, hmacSHA1,
// hmacSHA256 and hmacSHA512; generateAesKey(size) accepts 128, 192 and 256 bits. The names are matched without
// regard to case, as the platform does ("HmacSHA256" and "hmacSHA256" both appear in its examples).
const DIGESTS = new Map([
    ['md5', 'md5'],
    ['sha1', 'sha1'],
    ['sha3-256', 'sha3-256'],
    ['sha3-384', 'sha3-384'],
    ['sha3-512', 'sha3-512'],
    ['sha-256', 'sha256'],
    ['sha-512', 'sha512']
]);
const MACS = new Map([
    ['hmacmd5', 'md5'],
    ['hmacsha1', 'sha1'],
    ['hmacsha256', 'sha256'],
    ['hmacsha512', 'sha512']
]);
const AES_KEY_BITS = [128, 192, 256];

// An unknown algorithm or key size: the Crypto Class page's exceptions table names
// System.InvalidParameterValueException for an invalid algorithm ("Invalid algorithm algoName. Must be one of
// ..."); these messages follow that pattern (the page quotes it for the encrypt methods only).
function algorithmOf(rt, table, name) {
    const algorithm = table.get(String(required(rt, name)).toLowerCase());
    if (!algorithm) {
        fail(rt, 'System.InvalidParameterValueException', `Invalid algorithm ${name}.`);
    }
    return algorithm;
}

export const CryptoNative = defineNative({
    name: 'Crypto',
    staticMethods: {
        getrandominteger: () => randomBytes(4).readInt32BE(0),
        getrandomlong: () => randomBytes(8).readBigInt64BE(0),
        generateaeskey(rt, [size]) {
            const bits = required(rt, size);
            if (!AES_KEY_BITS.includes(bits)) {
                fail(
                    rt,
                    'System.InvalidParameterValueException',
                    `Invalid key size ${bits}. Must be one of 128, 192, or 256.`
                );
            }
            return new ApexBlob(new Uint8Array(randomBytes(bits / 8)));
        },
        generatedigest(rt, [algorithmName, input]) {
            const algorithm = algorithmOf(rt, DIGESTS, algorithmName);
            const digest = createHash(algorithm)
                .update(bufferOf(required(rt, input)))
                .digest();
            return new ApexBlob(new Uint8Array(digest));
        },
        generatemac(rt, [algorithmName, input, privateKey]) {
            const algorithm = algorithmOf(rt, MACS, algorithmName);
            const key = bufferOf(required(rt, privateKey));
            const mac = createHmac(algorithm, key)
                .update(bufferOf(required(rt, input)))
                .digest();
            return new ApexBlob(new Uint8Array(mac));
        }
    }
});
