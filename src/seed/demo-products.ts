// The demo gift shop's catalogue: what demo orders are made of. Prices are retail, before tax, in minor units of the
// shop currency (pence for the default GBP).

export interface DemoProduct {
  sku: string;
  name: string;
  price: number;
  /** Relative popularity. */
  weight: number;
  /** Sold only from October to December (Christmas lines), and then often. */
  isChristmas?: boolean;
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { sku: 'CND-101', name: 'Lavender & sage soy candle, 200 g', price: 1400, weight: 9 },
  { sku: 'CND-102', name: 'Fig & cedar candle, 300 g', price: 2200, weight: 6 },
  { sku: 'CND-103', name: 'Sea salt travel candle tin', price: 850, weight: 7 },
  { sku: 'CND-104', name: 'Beeswax dinner candles, pair', price: 900, weight: 4 },
  { sku: 'CND-105', name: 'Bergamot reed diffuser, 100 ml', price: 2400, weight: 4 },
  { sku: 'MUG-201', name: 'Speckled stoneware mug', price: 1200, weight: 9 },
  { sku: 'MUG-202', name: 'Botanical print mug', price: 1100, weight: 7 },
  { sku: 'MUG-203', name: 'Enamel camping mug', price: 1000, weight: 4 },
  { sku: 'TBL-204', name: 'Hand-thrown serving bowl', price: 3400, weight: 2 },
  { sku: 'TBL-205', name: 'Linen napkins, set of 4', price: 2200, weight: 3 },
  { sku: 'TEA-301', name: 'Earl Grey loose leaf tea, 100 g', price: 750, weight: 8 },
  { sku: 'TEA-302', name: 'Chamomile & honey tea, 20 bags', price: 550, weight: 6 },
  { sku: 'TEA-303', name: 'Single-origin coffee beans, 250 g', price: 950, weight: 7 },
  { sku: 'TEA-304', name: 'Glass teapot with infuser', price: 1900, weight: 3 },
  { sku: 'TEA-305', name: 'Hot chocolate flakes, 250 g', price: 800, weight: 4 },
  { sku: 'STN-401', name: 'A5 dot-grid notebook', price: 900, weight: 8 },
  { sku: 'STN-402', name: 'Recycled kraft notebooks, 3-pack', price: 750, weight: 5 },
  { sku: 'STN-403', name: 'Brass fountain pen', price: 2900, weight: 2 },
  { sku: 'STN-404', name: 'Weekly desk planner', price: 1400, weight: 4 },
  { sku: 'STN-405', name: 'Washi tape set', price: 650, weight: 5 },
  { sku: 'CRD-501', name: 'Birthday card, Hand-lettered', price: 350, weight: 9 },
  { sku: 'CRD-502', name: 'Thank you card, Pressed flowers', price: 350, weight: 6 },
  { sku: 'CRD-503', name: 'Christmas cards, pack of 10', price: 1200, weight: 14, isChristmas: true },
  { sku: 'CRD-504', name: 'Kraft gift wrap, 3 m roll', price: 450, weight: 6 },
  { sku: 'PRT-505', name: 'Art print A4, Coastline', price: 1800, weight: 3 },
  { sku: 'PRT-506', name: 'Art print A3, Wildflowers', price: 2800, weight: 2 },
  { sku: 'JWL-601', name: 'Sterling silver stud earrings', price: 3200, weight: 3 },
  { sku: 'JWL-602', name: 'Pressed-flower necklace', price: 3800, weight: 2 },
  { sku: 'JWL-603', name: 'Beaded friendship bracelet', price: 1200, weight: 4 },
  { sku: 'JWL-604', name: 'Terrazzo trinket dish', price: 1500, weight: 4 },
  { sku: 'TXT-701', name: 'Merino wool scarf', price: 4500, weight: 2 },
  { sku: 'TXT-702', name: 'Cotton tote bag', price: 1000, weight: 6 },
  { sku: 'TXT-703', name: 'Tea towel, Garden birds', price: 900, weight: 5 },
  { sku: 'TXT-704', name: 'Knitted bobble hat', price: 2200, weight: 3 },
  { sku: 'TXT-705', name: 'Cashmere-blend socks', price: 1400, weight: 4 },
  { sku: 'BTH-801', name: 'Olive oil soap bar', price: 550, weight: 7 },
  { sku: 'BTH-802', name: 'Rose hand cream, 50 ml', price: 1200, weight: 6 },
  { sku: 'BTH-803', name: 'Eucalyptus bath salts, 400 g', price: 1100, weight: 4 },
  { sku: 'BTH-804', name: 'Lip balm trio', price: 900, weight: 5 },
  { sku: 'KID-901', name: 'Wooden stacking rainbow', price: 2600, weight: 2 },
  { sku: 'KID-902', name: 'Knitted bunny', price: 1800, weight: 3 },
  { sku: 'KID-903', name: 'Animal colouring book', price: 600, weight: 3 },
  { sku: 'GFT-951', name: 'Pamper gift box', price: 4200, weight: 3 },
  { sku: 'GFT-952', name: 'Tea lover gift box', price: 3500, weight: 3 },
  { sku: 'GFT-953', name: 'Tea advent calendar', price: 3200, weight: 10, isChristmas: true },
  { sku: 'GFT-954', name: 'Felt Christmas decorations, set of 6', price: 1600, weight: 10, isChristmas: true },
];

/** What a trade (wholesale) customer pays per unit: a little over half the retail price, as trade terms usually are. */
export function tradePrice(product: DemoProduct): number {
  return Math.round((product.price * 0.55) / 5) * 5;
}

/** Units a wholesaler orders per line: cases of 6 to a gross. */
export const TRADE_CASE_SIZES = [
  { value: 6, weight: 25 },
  { value: 12, weight: 30 },
  { value: 24, weight: 20 },
  { value: 36, weight: 8 },
  { value: 48, weight: 8 },
  { value: 72, weight: 4 },
  { value: 96, weight: 3 },
  { value: 144, weight: 2 },
];

export const REFUND_REASONS = {
  full: ['Changed their mind', 'Parcel lost in transit', 'Arrived damaged', 'Ordered twice by mistake', 'Item out of stock'],
  partial: ['One item arrived damaged', 'Wrong item sent', 'Goodwill gesture for a late delivery', 'Returned one item', 'Item out of stock'],
} as const;
