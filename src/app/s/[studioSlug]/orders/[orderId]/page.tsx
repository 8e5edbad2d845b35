import { OrderDetail } from "~/features/orders/components/order-detail";

export const metadata = { title: "Order" };

export default async function OrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  return <OrderDetail orderId={orderId} />;
}
