/** A product's name as shop owners say it: "中华(软)", with the brand in front only when the name lacks it. */
export function productLabel(product: { brand: string; name: string }): string {
  return product.name.startsWith(product.brand) ? product.name : `${product.brand} ${product.name}`;
}
