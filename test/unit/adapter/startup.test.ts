import * as assert from 'node:assert/strict';
import { StartupSchedule, type StartupClock } from '../../../src/vscode/pure/startup';

/** An event loop the test turns by hand: `turn` callbacks wait in a queue, timers until `elapse`. */
function manualClock() {
  const turns: (() => void)[] = [];
  const timers: { at: number; run: () => void; cancelled: boolean }[] = [];
  let now = 0;
  const clock: StartupClock = {
    turn: (run) => void turns.push(run),
    after: (ms, run) => {
      const timer = { at: now + ms, run, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
  };
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    clock,
    /** Runs the turns waiting now, then lets the promises they resolve run. */
    async turn(): Promise<void> {
      for (const run of turns.splice(0)) run();
      await settle();
    },
    async elapse(ms: number): Promise<void> {
      now += ms;
      for (const timer of timers.filter((t) => t.at <= now && !t.cancelled)) {
        timer.cancelled = true;
        timer.run();
      }
      await settle();
    },
  };
}

/** A check that can be begun and finished by the test, as `DocumentChecks.busy`/`idle` see it. */
function checks() {
  let underWay: { done: () => void; promise: Promise<void> } | undefined;
  return {
    pending: {
      busy: () => underWay !== undefined,
      idle: () => underWay?.promise ?? Promise.resolve(),
    },
    begin(): void {
      let done!: () => void;
      const promise = new Promise<void>((resolve) => (done = resolve));
      underWay = {
        promise,
        done: () => {
          underWay = undefined;
          done();
        },
      };
    },
    end(): void {
      underWay?.done();
    },
  };
}

/** The services' warm-up: one step per `slot`, `steps` of them. */
async function warmUp(schedule: StartupSchedule, steps: number, ran: number[]): Promise<void> {
  for (let step = 1; step <= steps; step++) {
    await schedule.slot();
    ran.push(step);
  }
}

describe('editor start-up schedule', () => {
  it('runs one warm-up step per turn of the event loop, so an open arriving between two waits for one step at most', async () => {
    const loop = manualClock();
    const schedule = new StartupSchedule(checks().pending, loop.clock);
    const ran: number[] = [];
    void warmUp(schedule, 5, ran);
    await loop.turn();
    assert.deepEqual(ran, [1]);
    await loop.turn();
    assert.deepEqual(ran, [1, 2]);
  });

  it('runs no warm-up step while a check is pending, and goes on once it is done', async () => {
    const loop = manualClock();
    const check = checks();
    const schedule = new StartupSchedule(check.pending, loop.clock);
    const ran: number[] = [];
    const finished = warmUp(schedule, 4, ran);
    await loop.turn();
    assert.deepEqual(ran, [1]);
    // The open's event arrives: its check begins before the next step's turn.
    check.begin();
    for (let i = 0; i < 5; i++) await loop.turn();
    assert.deepEqual(ran, [1], 'a warm-up step ran while the check was pending');
    check.end();
    for (let i = 0; i < 5; i++) await loop.turn();
    assert.deepEqual(ran, [1, 2, 3, 4]);
    await finished;
  });

  it('a check pending when the warm-up would begin goes first', async () => {
    const loop = manualClock();
    const check = checks();
    const schedule = new StartupSchedule(check.pending, loop.clock);
    const ran: number[] = [];
    check.begin();
    void warmUp(schedule, 2, ran);
    for (let i = 0; i < 3; i++) await loop.turn();
    assert.deepEqual(ran, []);
    check.end();
    for (let i = 0; i < 3; i++) await loop.turn();
    assert.deepEqual(ran, [1, 2]);
  });

  it('starts the project index after the first publish, not at a time after activation', async () => {
    const loop = manualClock();
    const check = checks();
    const schedule = new StartupSchedule(check.pending, loop.clock);
    let started = 0;
    schedule.afterFirstPublish(() => started++, 2000);
    // Activation is over and the parser warms up; the open is still on its way.
    await loop.elapse(250);
    await loop.elapse(1000);
    assert.equal(started, 0, 'the index started before any findings were published');
    // The open's check runs and publishes; its project facts are read after the publish.
    check.begin();
    schedule.publish();
    await loop.turn();
    assert.equal(started, 0, 'the index started while the first check was still under way');
    check.end();
    await loop.turn();
    assert.equal(started, 1);
    // Neither the fallback time nor later publishes start it again.
    await loop.elapse(5000);
    schedule.publish();
    await loop.turn();
    assert.equal(started, 1);
  });

  it('starts the project index after the fallback time when nothing is published (a window with only a Dockerfile open)', async () => {
    const loop = manualClock();
    const schedule = new StartupSchedule(checks().pending, loop.clock);
    let started = 0;
    schedule.afterFirstPublish(() => started++, 2000);
    await loop.turn();
    await loop.elapse(1999);
    assert.equal(started, 0);
    await loop.elapse(1);
    assert.equal(started, 1);
    schedule.publish();
    await loop.turn();
    assert.equal(started, 1);
  });

  it('counts the fallback time from when it is armed (the parser warm-up over), not from activation', async () => {
    const loop = manualClock();
    const schedule = new StartupSchedule(checks().pending, loop.clock);
    let started = 0;
    let warmedUp!: () => void;
    schedule.afterFirstPublish(() => started++, 2000, new Promise<void>((resolve) => (warmedUp = resolve)));
    await loop.turn();
    // A loaded machine: the warm-up takes long, and the open is still on its way after 2 s.
    await loop.elapse(2500);
    assert.equal(started, 0, 'the index started while the parser was still warming up');
    warmedUp();
    await loop.turn();
    await loop.elapse(1999);
    assert.equal(started, 0);
    await loop.elapse(1);
    assert.equal(started, 1);
  });

  it('work asked for after the first publish starts at once (once nothing is pending)', async () => {
    const loop = manualClock();
    const schedule = new StartupSchedule(checks().pending, loop.clock);
    schedule.publish();
    let started = 0;
    schedule.afterFirstPublish(() => started++, 2000);
    await loop.turn();
    assert.equal(started, 1);
  });

  it('runs nothing once disposed (the extension deactivated)', async () => {
    const loop = manualClock();
    const schedule = new StartupSchedule(checks().pending, loop.clock);
    let started = 0;
    const ran: number[] = [];
    schedule.afterFirstPublish(() => started++, 2000);
    void warmUp(schedule, 3, ran);
    schedule.dispose();
    await loop.turn();
    await loop.elapse(3000);
    schedule.publish();
    await loop.turn();
    assert.equal(started, 0);
    assert.deepEqual(ran, []);
  });
});
