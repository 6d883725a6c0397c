// Parse an iCalendar file with ical.js (Thunderbird's parser) and print its events as JSON.
// Usage: node read_events.mjs FILE   (or the file on stdin). Exits non-zero on a parse error.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const text = readFileSync(process.argv[2] ?? 0, "utf8");

function instant(time) {
  if (time.isDate) {
    return { date: time.toString(), tzid: null };
  }
  // Unknown TZIDs fall back to floating time in ical.js; report them so the test can fail.
  const tzid = time.zone ? time.zone.tzid : null;
  return { utc: time.toJSDate().toISOString(), tzid };
}

try {
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== "vcalendar") {
    throw new Error(`top component is ${calendar.name}, not vcalendar`);
  }
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      sequence: event.sequence,
      status: component.getFirstPropertyValue("status"),
      start: instant(event.startDate),
      end: instant(event.endDate),
      alarms: component.getAllSubcomponents("valarm").length,
    };
  });
  process.stdout.write(JSON.stringify({ events }));
} catch (error) {
  process.stderr.write(`ical.js could not read the calendar: ${error.message}\n`);
  process.exit(1);
}
