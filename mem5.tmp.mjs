const mb = (l) => {
  const m = process.memoryUsage();
  console.log(
    l.padEnd(20),
    `rss ${(m.rss / 1048576).toFixed(1)} heap ${(m.heapUsed / 1048576).toFixed(1)}/${(m.heapTotal / 1048576).toFixed(1)} ext ${(m.external / 1048576).toFixed(1)}`,
  );
};
const { createApp } = await import('./dist/app/create.js');
const images = await import('./dist/commands/images.js');
const app = createApp({ databasePath: ':memory:' });
for (const locale of ['en', 'zh-CN']) {
  images.worldMapImage(app.data, { colorBy: 'tier' }, locale);
  images.timelineChartImage(app.data, {}, locale);
  for (const c of app.data.cities) images.cityMapImage(app.data, c, locale);
}
mb('drawn');
global.gc();
await new Promise((r) => setTimeout(r, 300));
global.gc();
mb('gc');
