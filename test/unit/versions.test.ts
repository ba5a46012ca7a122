import * as assert from 'node:assert/strict';
import { bumpVersion, compareVersions, isVersion, newVersionProblem, nextVersion } from '../../src/core/delivery/versions';

describe('proposal versions', () => {
  it('bumps the minor number as a number, not a decimal', () => {
    assert.equal(bumpVersion('0.3'), '0.4');
    assert.equal(bumpVersion('0.9'), '0.10');
    assert.equal(bumpVersion('0.10'), '0.11');
    assert.equal(bumpVersion('1.12'), '1.13');
    assert.equal(bumpVersion('2.0'), '2.1');
    assert.equal(bumpVersion(' 0.3 '), '0.4');
  });

  it('refuses what is not a version', () => {
    for (const bad of ['', '1', '0.3.1', 'v0.3', 'x.y', '0,3']) assert.throws(() => bumpVersion(bad), RangeError, bad);
    assert.equal(isVersion('0.3'), true);
    assert.equal(isVersion(0.3), false);
    assert.equal(isVersion('0.3.1'), false);
  });

  it('proposes 0.1 for a plan without a valid version', () => {
    assert.equal(nextVersion(undefined), '0.1');
    assert.equal(nextVersion('draft'), '0.1');
    assert.equal(nextVersion('0.9'), '0.10');
  });

  it('compares numerically, major first', () => {
    assert.ok(compareVersions('0.10', '0.9') > 0);
    assert.ok(compareVersions('0.9', '0.10') < 0);
    assert.ok(compareVersions('1.0', '0.99') > 0);
    assert.equal(compareVersions('0.3', '0.03'), 0);
    assert.deepEqual(['0.10', '0.2', '1.0', '0.9'].sort(compareVersions), ['0.2', '0.9', '0.10', '1.0']);
  });

  it('accepts a new version only when it is well formed and after the current one', () => {
    assert.equal(newVersionProblem('0.4', '0.3'), undefined);
    assert.equal(newVersionProblem('0.10', '0.9'), undefined);
    assert.equal(newVersionProblem('1.0', '0.9'), undefined);
    assert.match(newVersionProblem('0.3', '0.3') ?? '', /after the current version 0\.3/);
    assert.match(newVersionProblem('0.2', '0.3') ?? '', /after/);
    assert.match(newVersionProblem('0.4.1', '0.3') ?? '', /two numbers with a dot, for example 0\.4/);
    assert.match(newVersionProblem('', undefined) ?? '', /for example 0\.1/);
    assert.equal(newVersionProblem('0.1', undefined), undefined);
  });
});
