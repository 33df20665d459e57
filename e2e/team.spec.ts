import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { launchBrowser, signIn } from './browser';
import { OWNER } from './fixtures';
import { outboxFiles, waitForMail } from './store-fixtures';

// The team journey: the owner invites a member, the invitee takes the mailed link, sets a password and signs in; the
// owner changes their role; the member changes their own password; the owner deactivates them and their session ends.
const baseURL = inject('baseURL');
const outboxDir = inject('outboxDir');

const INVITEE = { name: 'Ines Invitee', email: `ines.${Date.now()}@team-e2e.test`, password: 'ines-first-password', newPassword: 'ines-second-password' };

let browser: Browser;
let owner: Page;
let member: Page;

function memberRow(page: Page) {
  return page.getByTestId('team-member').filter({ hasText: INVITEE.email });
}

describe('the team', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    owner = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    member = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    for (const page of [owner, member]) page.setDefaultTimeout(20_000);
    await signIn(owner, baseURL, OWNER);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the owner invites a member by email; the mailed link lets them choose name and password and sign in', async () => {
    await owner.goto(`${baseURL}/dashboard/settings/team`);
    await owner.getByRole('heading', { name: 'Team' }).waitFor();
    const before = outboxFiles(outboxDir);
    await owner.getByLabel('Email').fill(INVITEE.email.toUpperCase());
    await owner.getByLabel('Role', { exact: true }).selectOption('staff');
    await owner.getByRole('button', { name: 'Send invitation' }).click();
    await owner.getByText(`Invitation sent to ${INVITEE.email}`).waitFor();
    await memberRow(owner).getByText('Invited').waitFor();

    const mail = await waitForMail(outboxDir, { to: INVITEE.email, subject: /invited/i, before });
    expect(mail.link).toContain('/invitation?token=');
    const link = new URL(mail.link!);

    await member.goto(`${baseURL}${link.pathname}${link.search}`);
    await member.getByRole('heading', { name: /^Join / }).waitFor();
    expect(await member.getByLabel('Email').inputValue()).toBe(INVITEE.email);
    // Field errors first: no name, a short password.
    await member.getByLabel('Password').fill('short');
    await member.getByRole('button', { name: 'Join the team' }).click();
    await member.getByText('Name is required').waitFor();
    expect(await member.getByText('Password must be at least 8 characters').isVisible()).toBe(true);
    await member.getByLabel('Your name').fill(INVITEE.name);
    await member.getByLabel('Password').fill(INVITEE.password);
    await member.getByRole('button', { name: 'Join the team' }).click();
    await member.waitForURL('**/sign-in?notice=invitation-accepted');
    await member.getByText('Welcome to the team').waitFor();

    // The link works once.
    await member.goto(`${baseURL}${link.pathname}${link.search}`);
    await member.getByRole('heading', { name: 'This link does not work' }).waitFor();

    await signIn(member, baseURL, INVITEE);
    await member.goto(`${baseURL}/dashboard/customers`);
    await member.getByRole('button', { name: `Account: ${INVITEE.name}, Staff` }).waitFor();

    await owner.reload();
    await memberRow(owner).getByText('Active').waitFor();
    expect(await memberRow(owner).getByText(INVITEE.name, { exact: true }).isVisible()).toBe(true);
  });

  it('the owner changes their role, and the member sees it on their next page', async () => {
    await memberRow(owner).getByLabel(`Role of ${INVITEE.name}`).selectOption('admin');
    await expect.poll(() => memberRow(owner).getByLabel(`Role of ${INVITEE.name}`).inputValue()).toBe('admin');
    await owner.reload();
    expect(await memberRow(owner).getByLabel(`Role of ${INVITEE.name}`).inputValue()).toBe('admin');

    await member.goto(`${baseURL}/dashboard/customers`);
    await member.getByRole('button', { name: `Account: ${INVITEE.name}, Admin` }).waitFor();
  });

  it('the member changes their own password from Your account: the current one is checked, other sessions end, the new one works', async () => {
    // A second browser signed in with the old password, whose session the change ends.
    const other = await (await browser.newContext()).newPage();
    other.setDefaultTimeout(20_000);
    await signIn(other, baseURL, INVITEE);

    await member.getByRole('button', { name: `Account: ${INVITEE.name}, Admin` }).click();
    await member.getByRole('menuitem', { name: 'Your account' }).click();
    await member.getByRole('heading', { name: 'Your account' }).waitFor();

    await member.getByLabel('Current password').fill('not-my-password');
    await member.getByLabel('New password').fill(INVITEE.newPassword);
    await member.getByRole('button', { name: 'Change password' }).click();
    await member.getByText('This is not your current password').waitFor();

    await member.getByLabel('Current password').fill(INVITEE.password);
    await member.getByLabel('New password').fill(INVITEE.newPassword);
    await member.getByRole('button', { name: 'Change password' }).click();
    await member.getByText('Your password is changed').waitFor();
    // This browser stays signed in.
    await member.reload();
    await member.getByRole('heading', { name: 'Your account' }).waitFor();

    // The other browser is signed out on its next page; the old password no longer signs in, the new one does.
    await other.goto(`${baseURL}/dashboard/customers`);
    await other.waitForURL('**/sign-in**');
    await other.getByLabel('Email').fill(INVITEE.email);
    await other.getByLabel('Password').fill(INVITEE.password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByText('Wrong email or password.').waitFor();
    await signIn(other, baseURL, { email: INVITEE.email, password: INVITEE.newPassword });
    await other.context().close();
  });

  it('the owner deactivates the member: their open session ends on the next request and they cannot sign in', async () => {
    await owner.goto(`${baseURL}/dashboard/settings/team`);
    await memberRow(owner).getByRole('button', { name: 'Deactivate' }).click();
    await owner.getByRole('alertdialog').getByRole('button', { name: 'Deactivate' }).click();
    await memberRow(owner).getByText('Deactivated').waitFor();

    await member.goto(`${baseURL}/dashboard/customers`);
    await member.waitForURL('**/sign-in**');
    await member.getByLabel('Email').fill(INVITEE.email);
    await member.getByLabel('Password').fill(INVITEE.newPassword);
    await member.getByRole('button', { name: 'Sign in' }).click();
    await member.getByText('This account is deactivated').waitFor();

    // The owner cannot deactivate themselves: no button on their own row.
    const ownRow = owner.getByTestId('team-member').filter({ hasText: '(you)' });
    expect(await ownRow.getByRole('button', { name: 'Deactivate' }).count()).toBe(0);
  });

  it('the sign-in page offers a reset link and answers the same for an unknown email', async () => {
    await member.goto(`${baseURL}/sign-in`);
    await member.getByRole('link', { name: 'Forgot your password?' }).click();
    await member.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await member.getByLabel('Email').fill('nobody-here@team-e2e.test');
    await member.getByRole('button', { name: 'Send me a link' }).click();
    await member.getByRole('heading', { name: 'Check your email' }).waitFor();
    expect(await member.getByText('If nobody-here@team-e2e.test belongs to an active staff account').isVisible()).toBe(true);
  });
});
