// Reads every record of Vigía's event topics from the beginning, as any non-Java consumer would, and
// validates each as a CloudEvent (envelope schema) whose data matches the schema its `dataschema` names.
// Usage: node validate-events.mjs <bootstrap-servers> <schemas-dir>
// Prints one JSON summary line; exits 1 when a record is invalid or the topics cannot be read.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [bootstrap, schemasDir] = process.argv.slice(2);
const topics = ['bill-events', 'vote-events', 'objection-events'];
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);

const schemas = new Map(); // dataschema URL -> validate function
for (const dir of readdirSync(schemasDir)) {
  // every version of each type (v1.json, v2.json, ...): an event names the one it follows in its dataschema
  if (!existsSync(join(schemasDir, dir))) continue;
  for (const name of readdirSync(join(schemasDir, dir)).filter((f) => /^v\d+\.json$/.test(f))) {
    const schema = JSON.parse(readFileSync(join(schemasDir, dir, name), 'utf8'));
    schemas.set(schema.$id, ajv.compile(schema));
  }
}
const envelope = schemas.get('https://vigia.co/schemas/cloudevent/v1.json');

const kafka = new Kafka({ clientId: 'vigia-node-reader', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING });
const consumer = kafka.consumer({ groupId: `vigia-node-reader-${Date.now()}` });
const end = new Map(); // "topic/partition" -> high watermark
const summary = { records: 0, invalid: [], byType: {} };
const done = new Set();
let expected = 0;
let finished = false;
const timer = setTimeout(() => finish('timed out after 60 s'), 60000);
const admin = kafka.admin();
await admin.connect();
for (const topic of topics) {
  for (const p of await admin.fetchTopicOffsets(topic)) {
    const high = Number(p.high), low = Number(p.low);
    if (high > low) { end.set(`${topic}/${p.partition}`, high); expected += high - low; }
  }
}
await admin.disconnect();


async function finish(error) {
  if (finished) return;
  finished = true;
  clearTimeout(timer);
  // never wait on the consumer from inside its own handler: disconnect is bounded and best effort
  await Promise.race([consumer.disconnect().catch(() => {}), new Promise((r) => setTimeout(r, 2000))]);
  if (error) summary.error = error;
  summary.expected = expected;
  console.log(JSON.stringify(summary));
  process.exit(error || summary.invalid.length > 0 ? 1 : 0);
}

function check(topic, message) {
  const where = `${topic}@${message.offset}`;
  let event;
  try { event = JSON.parse(message.value.toString('utf8')); } catch (e) { return `${where}: not JSON`; }
  if (!envelope(event)) return `${where}: envelope ${ajv.errorsText(envelope.errors)}`;
  const data = schemas.get(event.dataschema);
  if (!data) return `${where}: unknown dataschema ${event.dataschema}`;
  if (!data(event.data)) return `${where}: data ${ajv.errorsText(data.errors)}`;
  if (message.key && message.key.toString('utf8') !== event.subject) return `${where}: key is not the subject`;
  summary.byType[event.type] = (summary.byType[event.type] || 0) + 1;
  return null;
}

if (expected === 0) await finish();
await consumer.connect();
await consumer.subscribe({ topics, fromBeginning: true });
await consumer.run({
  eachMessage: async ({ topic, partition, message }) => {
    const key = `${topic}/${partition}`;
    if (!end.has(key) || Number(message.offset) >= end.get(key)) return;
    summary.records++;
    const problem = check(topic, message);
    if (problem) summary.invalid.push(problem);
    if (Number(message.offset) + 1 >= end.get(key)) done.add(key);
    if (done.size === end.size) setImmediate(() => finish());
  },
});
