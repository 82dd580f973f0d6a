// Counts what the scenarios check, step by step, and prints `e2e: N passed, M failed` as the last line of the
// run (.ci/run adds it to its totals). A scenario is one test made of named steps (fixtures.ts): each
// top-level step counts once, failed when it or anything inside it failed (a soft language check too). A
// test that fails outside its steps, or an error outside any test (the global setup), counts as one failure.
import type { FullResult, Reporter, TestCase, TestError, TestResult, TestStep } from '@playwright/test/reporter';

const failedWithin = (step: TestStep): boolean => !!step.error || step.steps.some(failedWithin);

export default class TallyReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private failedSteps = new Map<TestResult, number>();
  private steps = new Map<TestResult, number>();

  onStepEnd(_test: TestCase, result: TestResult, step: TestStep) {
    if (step.category !== 'test.step' || step.parent) return;
    this.steps.set(result, (this.steps.get(result) ?? 0) + 1);
    if (failedWithin(step)) {
      this.failed++;
      this.failedSteps.set(result, (this.failedSteps.get(result) ?? 0) + 1);
    } else {
      this.passed++;
    }
  }

  onTestEnd(_test: TestCase, result: TestResult) {
    const ok = result.status === 'passed' || result.status === 'skipped';
    if (!this.steps.get(result)) {
      if (result.status === 'passed') this.passed++;
      else if (!ok) this.failed++;
    } else if (!ok && !this.failedSteps.get(result)) {
      this.failed++;
    }
    this.steps.delete(result);
    this.failedSteps.delete(result);
  }

  onError(_error: TestError) {
    this.failed++;
  }

  onEnd(result: FullResult) {
    // Interrupted or timed out with nothing counted as failed would read as a pass.
    if (result.status !== 'passed' && this.failed === 0) this.failed = 1;
    console.log(`e2e: ${this.passed} passed, ${this.failed} failed`);
  }

  printsToStdio() {
    return true;
  }
}
