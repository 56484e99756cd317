import { expect, test, type Page } from '@playwright/test';

const BASE = process.env.MATCHDAY_BASE_URL ?? '';
const SCREENSHOTS = 'test-results/screenshots';

test.skip(!BASE, 'needs ../shared/data (the server runs over it)');

const percentOf = async (page: Page, testId: string) =>
  Number.parseFloat((await page.getByTestId(testId).first().textContent()) ?? 'NaN');

test('search → match page: heatmap and tie chart visible', async ({ page }) => {
  await page.goto(`${BASE}/`);
  await page.getByRole('searchbox', { name: 'Search teams and fixtures' }).fill('Atalanta v Liverpool');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { name: 'Atalanta v Liverpool', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Atalanta v Liverpool, 2024-04-18: 0-1' }).click();

  await expect(page).toHaveURL(/\/matches\/2024-04-18\/\d+\/\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atalanta v Liverpool');
  await expect(page.getByLabel('Final score')).toHaveText('Atalanta 0-1 Liverpool');
  const heatmap = page.getByRole('img', { name: 'Scoreline probabilities, Atalanta goals first' });
  await expect(heatmap).toBeVisible();
  expect((await heatmap.boundingBox())!.width).toBeGreaterThan(300);
  await expect(page.getByRole('img', { name: 'Chance of going through' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Result probabilities (90 minutes)' })).toBeVisible();
  expect(await percentOf(page, 'through-home')).toBeGreaterThan(85);
  // The preview's receipts open on a tap.
  const claim = page.locator('#preview details.claim').first();
  await claim.locator('summary').click();
  await expect(claim.locator('.receipts')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/atalanta-liverpool-match-page.png`, fullPage: true });
  await page.locator('#forecast').screenshot({ path: `${SCREENSHOTS}/atalanta-liverpool-forecast.png` });
  await page.locator('#tie').screenshot({ path: `${SCREENSHOTS}/atalanta-liverpool-tie.png` });
});

test('what-if: a neutral venue and a weaker home side change the numbers (with script)', async ({ page }) => {
  await page.goto(`${BASE}/fixture?home=Atalanta&away=Liverpool&date=2024-04-18`);
  const before = await percentOf(page, 'p-home');
  // The page's script submits the form when a choice changes.
  await page.getByLabel('Venue').selectOption('neutral');
  await expect(page).toHaveURL(/venue=neutral/);
  await expect(page.getByTestId('what-if-active')).toBeVisible();
  const neutral = await percentOf(page, 'p-home');
  expect(neutral).toBeLessThan(before);
  await page.locator('#homeShift').fill('-0.3');
  await expect(page).toHaveURL(/homeShift=-0.3/);
  expect(await percentOf(page, 'p-home')).toBeLessThan(neutral);
  await page.locator('#what-if').screenshot({ path: `${SCREENSHOTS}/atalanta-liverpool-what-if.png` });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('what-if: a different first leg turns the tie round', async ({ page }) => {
    await page.goto(`${BASE}/fixture?home=Atalanta&away=Liverpool&date=2024-04-18`);
    const before = await percentOf(page, 'through-home');
    await page.getByLabel('Liverpool', { exact: true }).fill('2');
    await page.getByLabel('Atalanta', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Update forecast' }).click();
    await expect(page).toHaveURL(/firstLegHome=2&firstLegAway=0/);
    const after = await percentOf(page, 'through-home');
    expect(after).toBeLessThan(30);
    expect(after).toBeLessThan(before);
    await expect(page.getByText('With the first leg as Liverpool 2-0 Atalanta.')).toBeVisible();
    await page.locator('#tie').screenshot({ path: `${SCREENSHOTS}/atalanta-liverpool-tie-what-if.png` });
  });
});

test('team page: form strip and rating chart', async ({ page }) => {
  await page.goto(`${BASE}/?q=Liverpool`);
  await page.getByRole('link', { name: 'Liverpool', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Liverpool');
  await expect(page.getByRole('list', { name: /^Form: / })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Liverpool: Elo rating over time' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/liverpool-team-page.png`, fullPage: true });
});

test('competition page: the Europa League 2023-24 bracket with round-by-round odds', async ({ page }) => {
  await page.goto(`${BASE}/matches/2024-04-11/${await teamId(page, 'Liverpool')}/${await teamId(page, 'Atalanta')}`);
  await page.getByRole('link', { name: /UEFA Europa League · Quarter-finals/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('UEFA Europa League 2023-24');
  await expect(page).toHaveURL(/\/competitions\/uefa\.el\/2023-24\?asOf=2024-04-11$/);
  await expect(page.getByRole('img', { name: 'Chance of winning the competition' })).toBeVisible();
  const odds = page.getByRole('table', { name: /chance of reaching each round/ });
  await expect(odds.getByRole('columnheader')).toHaveText(['Team', 'Semi-finals', 'Final', 'Winner']);
  await expect(odds.getByRole('row')).toHaveCount(9);
  await expect(page.getByRole('heading', { name: 'Quarter-finals' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/europa-league-2023-24-bracket.png`, fullPage: true });
  await page
    .locator('h2:text("Chances") ~ *')
    .first()
    .screenshot({ path: `${SCREENSHOTS}/europa-league-2023-24-champion-chart.png` });
});

/** A team's id, from the API (the pages address teams by id). */
async function teamId(page: Page, name: string): Promise<number> {
  const response = await page.request.get(`${BASE}/api/teams?search=${encodeURIComponent(name)}&limit=1`);
  return ((await response.json()) as { teams: { id: number }[] }).teams[0].id;
}
