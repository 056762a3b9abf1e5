// Reads HTML on stdin, writes its PDF on stdout (pdf.mjs, htmlToPdfSync).
import { htmlToPdf } from './pdf.mjs';

let html = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) html += chunk;
process.stdout.write(await htmlToPdf(html));
